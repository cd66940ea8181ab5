/**
 * A "Columns" button opening a checklist of a table's columns: `<ColumnChooser columns={[{ id, label }]}
 * visibility={…} onChange={…} />`, controlled with TanStack's `ColumnVisibilityState` (`{ id: false }` hides).
 * The last visible column cannot be unchecked. With `onMove`, each column has Move up / Move down buttons (the
 * keyboard's way to reorder; `columns` come in the table's order); with `onReset`, a "Reset columns" button.
 * Escape or a click outside closes it and focus returns to the button.
 */
import type { ColumnVisibilityState } from "@tanstack/react-table";
import { useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import "./column-chooser.css";

export type ColumnChoice = { id: string; label: string };

export function ColumnChooser({
  columns,
  visibility,
  onChange,
  onMove,
  onReset,
}: {
  columns: readonly ColumnChoice[];
  visibility: ColumnVisibilityState;
  onChange: (visibility: ColumnVisibilityState) => void;
  onMove?: (id: string, offset: -1 | 1) => void;
  onReset?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const visibleCount = columns.filter((column) => visibility[column.id] !== false).length;

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);

  return (
    <div
      ref={rootRef}
      className="column-chooser"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button button-small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
        }}
      >
        Columns
      </button>
      {open ? (
        <fieldset id={panelId} className="column-chooser-panel">
          <legend className="visually-hidden">Visible columns</legend>
          {columns.map((column, index) => {
            const checked = visibility[column.id] !== false;
            return (
              <div key={column.id} className="column-chooser-row">
                <label className="column-chooser-item">
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={checked && visibleCount === 1}
                    onChange={(event) => {
                      onChange({ ...visibility, [column.id]: event.target.checked });
                    }}
                  />
                  {column.label}
                </label>
                {onMove
                  ? ([-1, 1] as const).map((offset) => (
                      <button
                        key={offset}
                        type="button"
                        className="column-chooser-move"
                        data-move={`${column.id}:${String(offset)}`}
                        aria-label={`Move ${column.label} ${offset < 0 ? "up" : "down"}`}
                        title={offset < 0 ? "Move up (left in the table)" : "Move down (right in the table)"}
                        disabled={offset < 0 ? index === 0 : index === columns.length - 1}
                        onClick={(event) => {
                          const panel = event.currentTarget.closest("fieldset");
                          flushSync(() => {
                            onMove(column.id, offset);
                          });
                          followMove(panel, column.id, offset);
                        }}
                      >
                        <span aria-hidden="true">{offset < 0 ? "↑" : "↓"}</span>
                      </button>
                    ))
                  : null}
              </div>
            );
          })}
          {onReset ? (
            <button type="button" className="button button-small column-chooser-reset" onClick={onReset}>
              Reset columns
            </button>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  );
}

/** The moved row's button may have lost focus as the list was redrawn, or be disabled at an end: focus follows. */
function followMove(panel: HTMLElement | null, id: string, offset: number) {
  const button = (way: number) =>
    panel?.querySelector<HTMLButtonElement>(`[data-move="${CSS.escape(`${id}:${String(way)}`)}"]`);
  const same = button(offset);
  (same && !same.disabled ? same : button(-offset))?.focus();
}
