/**
 * A "Columns" button opening a checklist of a table's columns: `<ColumnChooser columns={[{ id, label }]}
 * visibility={…} onChange={…} />`, controlled with TanStack's `ColumnVisibilityState` (`{ id: false }` hides).
 * The last visible column cannot be unchecked. Escape or a click outside closes it and focus returns to the button.
 */
import type { ColumnVisibilityState } from "@tanstack/react-table";
import { useEffect, useId, useRef, useState } from "react";
import "./column-chooser.css";

export type ColumnChoice = { id: string; label: string };

export function ColumnChooser({
  columns,
  visibility,
  onChange,
}: {
  columns: readonly ColumnChoice[];
  visibility: ColumnVisibilityState;
  onChange: (visibility: ColumnVisibilityState) => void;
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
          {columns.map((column) => {
            const checked = visibility[column.id] !== false;
            return (
              <label key={column.id} className="column-chooser-item">
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
            );
          })}
        </fieldset>
      ) : null}
    </div>
  );
}
