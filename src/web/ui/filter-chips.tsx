/**
 * The filter bar of a list: one chip per `q` term ("Severity: Critical"), each with a remove button named
 * `Remove filter <label>` and a body that reopens the editor; `Add filter` opens a popover to pick a field and a
 * value (see filter-editor.tsx); `Clear filters` when there are several. A `from`/`until` pair shows as one
 * "Time" chip. When the server rejected `q` (a 400 with param `q`), pass its message as `serverError`: the chip
 * whose field it names is marked invalid and the message is shown.
 *
 * Props: `terms` / `onChange(terms)` (controlled, keep them in the URL as `q`); `fields` (which fields to offer
 * and how, see filter-field-config.ts); `specs` (the contract's `eventFilterFields` or `containerFilterFields`,
 * used to check a value before it is applied); `timeRange` (offer the from/until editor); `serverError`.
 */
import { useId, useMemo, useRef, useState } from "react";
import type { FilterSpecs } from "../../contract/filter-fields";
import type { FilterTerm } from "../../contract/query-grammar";
import { chipsFromTerms, rejectedChipIndex, termsFromChips, type FilterChip } from "./filter-chip-model";
import { FilterEditor } from "./filter-editor";
import { valueLabel, type FilterFieldConfig } from "./filter-field-config";
import { formatRange } from "./time-range";
import "./filter-chips.css";

type Props = {
  terms: readonly FilterTerm[];
  onChange: (terms: FilterTerm[]) => void;
  fields: readonly FilterFieldConfig[];
  specs: FilterSpecs;
  timeRange?: boolean;
  serverError?: string | undefined;
};

export function FilterChips({ terms, onChange, fields, specs, timeRange = false, serverError }: Props) {
  const chips = useMemo(() => chipsFromTerms(terms), [terms]);
  const [editing, setEditing] = useState<number | "new">();
  const addRef = useRef<HTMLButtonElement>(null);
  const chipRefs = useRef(new Map<number, HTMLButtonElement>());
  const errorId = useId();
  const rejected = serverError === undefined ? -1 : rejectedChipIndex(chips, serverError);

  /** Closes the editor and gives focus back to what opened it (or to Add filter if that chip is gone). */
  function close() {
    const trigger =
      editing === "new" || editing === undefined ? addRef.current : chipRefs.current.get(editing);
    setEditing(undefined);
    requestAnimationFrame(() => {
      (trigger?.isConnected ? trigger : addRef.current)?.focus();
    });
  }

  function apply(chip: FilterChip) {
    const same = (old: FilterChip) =>
      old.kind === "term" && chip.kind === "term" && old.field === chip.field && old.value === chip.value;
    if (chips.some((old, index) => index !== editing && same(old))) {
      // The same filter twice narrows nothing: keep the one there is.
      if (typeof editing === "number")
        onChange(termsFromChips(chips.filter((_, index) => index !== editing)));
      close();
      return;
    }
    const next =
      editing === "new" || editing === undefined
        ? [...chips.filter((old) => chip.kind !== "range" || old.kind !== "range"), chip]
        : chips
            .map((old, index) => (index === editing ? chip : old))
            .filter((old, index) => index === editing || chip.kind !== "range" || old.kind !== "range");
    onChange(termsFromChips(next));
    close();
  }

  function remove(index: number) {
    onChange(termsFromChips(chips.filter((_, other) => other !== index)));
    addRef.current?.focus();
  }

  const configFor = (field: string) => fields.find((config) => config.field === field);
  // Chips of one field are an OR (any of the values); of different fields, an AND.
  const repeated = new Set(
    chips.flatMap((chip, index) =>
      chip.kind === "term" &&
      chips.some((other, at) => at !== index && other.kind === "term" && other.field === chip.field)
        ? [chip.field]
        : [],
    ),
  );
  const labelOf = (chip: FilterChip) =>
    chip.kind === "range" ? "Time" : (configFor(chip.field)?.label ?? chip.field);
  const editor = (title: string, initial: FilterChip | undefined) => (
    <FilterEditor
      title={title}
      fields={fields}
      timeRange={timeRange}
      specs={specs}
      initial={initial}
      onApply={apply}
      onCancel={close}
    />
  );

  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      <ul className="chip-list">
        {chips.map((chip, index) => {
          const label = labelOf(chip);
          const value =
            chip.kind === "range"
              ? formatRange(chip.from, chip.until)
              : valueLabel(configFor(chip.field), chip.value);
          const isRejected = index === rejected;
          return (
            <li key={`${index}-${label}`} className={`chip${isRejected ? " chip-error" : ""}`}>
              <button
                ref={(element) => {
                  if (element) chipRefs.current.set(index, element);
                  else chipRefs.current.delete(index);
                }}
                type="button"
                className="chip-body"
                title={
                  chip.kind === "range"
                    ? `${chip.from} – ${chip.until} (UTC); click to edit`
                    : "Click to edit"
                }
                aria-haspopup="dialog"
                aria-expanded={editing === index}
                aria-invalid={isRejected || undefined}
                aria-describedby={isRejected ? errorId : undefined}
                onClick={() => {
                  setEditing(index);
                }}
              >
                <span className="chip-field">
                  {label}
                  {chip.kind === "term" && repeated.has(chip.field) ? " (any of)" : ""}:
                </span>{" "}
                <span className="chip-value">{value}</span>
              </button>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove filter ${label}`}
                onClick={() => {
                  remove(index);
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
              {editing === index ? editor(`Edit filter ${label}`, chip) : null}
            </li>
          );
        })}
      </ul>
      <div className="filter-add">
        <button
          ref={addRef}
          type="button"
          className="button button-small"
          aria-haspopup="dialog"
          aria-expanded={editing === "new"}
          onClick={() => {
            setEditing(editing === "new" ? undefined : "new");
          }}
        >
          <span aria-hidden="true">+</span> Add filter
        </button>
        {editing === "new" ? editor("Add filter", undefined) : null}
      </div>
      {chips.length > 1 ? (
        <button
          type="button"
          className="button button-small button-quiet"
          onClick={() => {
            onChange([]);
          }}
        >
          Clear filters
        </button>
      ) : null}
      {serverError !== undefined ? (
        <p id={errorId} className="filter-error" role="alert">
          The server rejected the filters: {serverError.replace(/^q:\s*/, "")}
        </p>
      ) : null}
    </div>
  );
}
