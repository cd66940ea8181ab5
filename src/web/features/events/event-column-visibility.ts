import type { ColumnVisibilityState } from "@tanstack/react-table";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { defaultHiddenEventColumns, eventColumns } from "./events-columns";

/** The chooser's list: every event column's id and header, in table order. */
export const eventColumnChoices = eventColumns.map((column) => {
  const id = column.id ?? ("accessorKey" in column ? String(column.accessorKey) : "");
  return { id, label: typeof column.header === "string" ? column.header : (column.meta?.label ?? id) };
});

export type ColumnDefaultsFor = {
  /** An organisation with others under it shows whose each event is: its Organisation column starts shown. */
  parentOrg: boolean;
  /** Container events have no endpoint: a list of only them starts without the Endpoint column. */
  containerEvents: boolean;
};

const noEndpoint: ColumnVisibilityState = { ...defaultHiddenEventColumns, endpoint: false };
const defaultsFor = {
  events: defaultHiddenEventColumns,
  parentEvents: { ...defaultHiddenEventColumns, organisation: true },
  containerEvents: noEndpoint,
  parentContainerEvents: { ...noEndpoint, organisation: true },
};

/** The columns a list starts with (one object per case, so it can be compared and memoised). */
export function defaultEventColumns({
  parentOrg,
  containerEvents,
}: ColumnDefaultsFor): ColumnVisibilityState {
  if (containerEvents) return parentOrg ? defaultsFor.parentContainerEvents : defaultsFor.containerEvents;
  return parentOrg ? defaultsFor.parentEvents : defaultsFor.events;
}

/** `cols` (visible column ids, comma-separated) → TanStack visibility; unknown ids are ignored. */
export function visibilityFromParam(
  cols: string | null,
  defaults: ColumnVisibilityState = defaultHiddenEventColumns,
): ColumnVisibilityState {
  if (cols === null) return defaults;
  const visible = new Set(cols.split(","));
  if (!eventColumnChoices.some((choice) => visible.has(choice.id))) return defaults;
  return Object.fromEntries(eventColumnChoices.map((choice) => [choice.id, visible.has(choice.id)]));
}

/** The `cols` value for a visibility, or undefined when it is the default (defaults stay out of the URL). */
export function paramFromVisibility(
  visibility: ColumnVisibilityState,
  defaults: ColumnVisibilityState = defaultHiddenEventColumns,
): string | undefined {
  const ids = eventColumnChoices.map((choice) => choice.id);
  const visible = ids.filter((id) => visibility[id] !== false);
  const defaultVisible = ids.filter((id) => defaults[id] !== false);
  const isDefault =
    visible.length === defaultVisible.length && visible.every((id, index) => id === defaultVisible[index]);
  return isDefault ? undefined : visible.join(",");
}

/**
 * The visible event columns, kept in the URL as `cols` so a shared link shows the same columns. Changes replace
 * the history entry: a column choice is not a step worth going back to.
 */
export function useEventColumnVisibility(defaultsFor: ColumnDefaultsFor) {
  const [params, setParams] = useSearchParams();
  const cols = params.get("cols");
  const defaults = defaultEventColumns(defaultsFor);
  const visibility = useMemo(() => visibilityFromParam(cols, defaults), [cols, defaults]);
  const setVisibility = useCallback(
    (next: ColumnVisibilityState) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          const value = paramFromVisibility(next, defaults);
          if (value === undefined) updated.delete("cols");
          else updated.set("cols", value);
          return updated;
        },
        { replace: true },
      );
    },
    [setParams, defaults],
  );
  return [visibility, setVisibility] as const;
}
