/**
 * The popover form behind `Add filter` and behind a chip (to edit it): a `Field` select, then a value editor
 * suited to the field (`Value` select, Yes/No choice, text box, day), or for a time range the presets
 * `Last 1 h` … `Last 30 d` and `From`/`Until`. Values are checked with the contract's field specs before
 * `onApply`; Escape, `Cancel` or a click outside calls `onCancel`. Used only by filter-chips.tsx.
 */
import { useEffect, useEffectEvent, useId, useRef, useState, type SubmitEvent } from "react";
import type { FilterSpecs } from "../../contract/filter-fields";
import type { FilterChip } from "./filter-chip-model";
import type { FilterFieldConfig } from "./filter-field-config";
import { chipProblem } from "./filter-validation";
import { isoToLocalInput, localInputToIso, presetRange, rangePresets } from "./time-range";

export const timeRangeField = "time range";

type Props = {
  title: string;
  fields: readonly FilterFieldConfig[];
  timeRange: boolean;
  specs: FilterSpecs;
  initial: FilterChip | undefined;
  onApply: (chip: FilterChip) => void;
  onCancel: () => void;
};

function defaultValue(config: FilterFieldConfig | undefined): string {
  if (config?.editor.kind === "select") return config.editor.options[0]?.value ?? "";
  return config?.editor.kind === "toggle" ? "true" : "";
}

export function FilterEditor({ title, fields, timeRange, specs, initial, onApply, onCancel }: Props) {
  const rootRef = useRef<HTMLDivElement>(null);
  const firstRef = useRef<HTMLSelectElement>(null);
  const ids = useId();
  const [field, setField] = useState(
    initial?.kind === "range" ? timeRangeField : (initial?.field ?? fields[0]?.field ?? timeRangeField),
  );
  const [value, setValue] = useState(() =>
    initial?.kind === "term"
      ? initial.value
      : defaultValue(fields.find((candidate) => candidate.field === field)),
  );
  const [from, setFrom] = useState(initial?.kind === "range" ? isoToLocalInput(initial.from) : "");
  const [until, setUntil] = useState(initial?.kind === "range" ? isoToLocalInput(initial.until) : "");
  const [error, setError] = useState<string>();
  const config = fields.find((candidate) => candidate.field === field);

  const cancelOnOutsidePointer = useEffectEvent((event: PointerEvent) => {
    const root = rootRef.current;
    if (root && event.target instanceof Node && !root.contains(event.target)) onCancel();
  });

  useEffect(() => {
    firstRef.current?.focus();
    document.addEventListener("pointerdown", cancelOnOutsidePointer);
    return () => {
      document.removeEventListener("pointerdown", cancelOnOutsidePointer);
    };
  }, []);

  function chooseField(next: string) {
    setField(next);
    setError(undefined);
    setValue(defaultValue(fields.find((candidate) => candidate.field === next)));
  }

  function apply(chip: FilterChip) {
    const problem = chipProblem(chip, specs, config?.label ?? field);
    if (problem) setError(problem);
    else onApply(chip);
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (field === timeRangeField) {
      apply({ kind: "range", from: localInputToIso(from) ?? "", until: localInputToIso(until, true) ?? "" });
    } else {
      apply({ kind: "term", field, value: value.trim() });
    }
  }

  const errorId = `${ids}-error`;
  const invalid = error ? { "aria-invalid": true, "aria-describedby": errorId } : {};
  const editor = config?.editor;

  return (
    <div
      ref={rootRef}
      className="filter-popover"
      role="dialog"
      aria-label={title}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <form className="filter-form" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-field`}>
            Field
          </label>
          <select
            ref={firstRef}
            id={`${ids}-field`}
            className="select"
            value={field}
            onChange={(event) => {
              chooseField(event.target.value);
            }}
          >
            {timeRange ? <option value={timeRangeField}>Time range</option> : null}
            {fields.map((candidate) => (
              <option key={candidate.field} value={candidate.field}>
                {candidate.label}
              </option>
            ))}
          </select>
        </div>

        {field === timeRangeField ? (
          <>
            <div className="filter-presets" role="group" aria-label="Relative ranges">
              {rangePresets.map((preset) => (
                <button
                  key={preset.label}
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    apply({ kind: "range", ...presetRange(preset.ms) });
                  }}
                >
                  {preset.label}
                </button>
              ))}
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${ids}-from`}>
                From
              </label>
              <input
                id={`${ids}-from`}
                className="input"
                type="datetime-local"
                step={1}
                value={from}
                onChange={(event) => {
                  setFrom(event.target.value);
                }}
                {...invalid}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${ids}-until`}>
                Until
              </label>
              <input
                id={`${ids}-until`}
                className="input"
                type="datetime-local"
                step={1}
                value={until}
                onChange={(event) => {
                  setUntil(event.target.value);
                }}
                {...invalid}
              />
            </div>
            <p className="field-hint">In your time zone; both ends included.</p>
          </>
        ) : editor?.kind === "toggle" ? (
          <fieldset className="filter-toggle" {...invalid}>
            <legend className="field-label">Value</legend>
            {(["true", "false"] as const).map((option) => (
              <label key={option}>
                <input
                  type="radio"
                  name={`${ids}-toggle`}
                  value={option}
                  checked={value === option}
                  onChange={() => {
                    setValue(option);
                  }}
                />
                {option === "true" ? editor.trueLabel : editor.falseLabel}
              </label>
            ))}
          </fieldset>
        ) : (
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-value`}>
              Value
            </label>
            {editor?.kind === "select" ? (
              <select
                id={`${ids}-value`}
                className="select"
                value={value}
                onChange={(event) => {
                  setValue(event.target.value);
                }}
                {...invalid}
              >
                {editor.options.some((option) => option.value === value) || value === "" ? null : (
                  <option value={value}>{value}</option>
                )}
                {editor.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`${ids}-value`}
                className="input"
                type={editor?.kind === "date" ? "date" : "text"}
                inputMode={editor?.kind === "text" && editor.numeric ? "numeric" : undefined}
                placeholder={editor?.kind === "text" ? editor.placeholder : undefined}
                autoComplete="off"
                value={value}
                onChange={(event) => {
                  setValue(event.target.value);
                  setError(undefined);
                }}
                {...invalid}
              />
            )}
          </div>
        )}

        {error ? (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="filter-form-actions">
          <button type="submit" className="button button-primary">
            Apply filter
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
