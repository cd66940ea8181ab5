import type { ColumnVisibilityState } from "@tanstack/react-table";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { defaultHiddenEventColumns, eventColumns } from "./events-columns";

/** The chooser's list: every event column's id and header, in table order. */
export const eventColumnChoices = eventColumns.map((column) => {
  const id = column.id ?? ("accessorKey" in column ? String(column.accessorKey) : "");
  return { id, label: typeof column.header === "string" ? column.header : (column.meta?.label ?? id) };
});

const defaultVisibleIds = eventColumnChoices
  .map((choice) => choice.id)
  .filter((id) => defaultHiddenEventColumns[id] !== false);

/** `cols` (visible column ids, comma-separated) → TanStack visibility; unknown ids are ignored. */
export function visibilityFromParam(cols: string | null): ColumnVisibilityState {
  if (cols === null) return defaultHiddenEventColumns;
  const visible = new Set(cols.split(","));
  if (!eventColumnChoices.some((choice) => visible.has(choice.id))) return defaultHiddenEventColumns;
  return Object.fromEntries(eventColumnChoices.map((choice) => [choice.id, visible.has(choice.id)]));
}

/** The `cols` value for a visibility, or undefined when it is the default (defaults stay out of the URL). */
export function paramFromVisibility(visibility: ColumnVisibilityState): string | undefined {
  const visible = eventColumnChoices.map((choice) => choice.id).filter((id) => visibility[id] !== false);
  const isDefault =
    visible.length === defaultVisibleIds.length &&
    visible.every((id, index) => id === defaultVisibleIds[index]);
  return isDefault ? undefined : visible.join(",");
}

/**
 * The visible event columns, kept in the URL as `cols` so a shared link shows the same columns. Changes replace
 * the history entry: a column choice is not a step worth going back to.
 */
export function useEventColumnVisibility() {
  const [params, setParams] = useSearchParams();
  const cols = params.get("cols");
  const visibility = useMemo(() => visibilityFromParam(cols), [cols]);
  const setVisibility = useCallback(
    (next: ColumnVisibilityState) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          const value = paramFromVisibility(next);
          if (value === undefined) updated.delete("cols");
          else updated.set("cols", value);
          return updated;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [visibility, setVisibility] as const;
}
