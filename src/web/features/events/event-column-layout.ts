import type { ColumnSizingState } from "@tanstack/react-table";
import { useCallback, useMemo } from "react";
import { moveColumn } from "../../ui/column-layout";
import { useColumnLayout } from "../../ui/use-column-layout";
import { eventColumnChoices } from "./event-column-visibility";

const eventColumnIds = eventColumnChoices.map((choice) => choice.id);
const choiceById = new Map(eventColumnChoices.map((choice) => [choice.id, choice]));

/**
 * How the signed-in user arranged the event tables (the events page and the failures page's tabs — one layout
 * for all): column order and widths, kept in this browser per user id. Which columns show stays in the URL
 * (`cols`, event-column-visibility.ts): a link shows the same columns to whoever opens it, in their own layout.
 */
export function useEventColumnLayout(userId: number | undefined) {
  const key = userId === undefined ? undefined : `eventdesk.eventColumns.${String(userId)}`;
  const [layout, setLayout] = useColumnLayout(key, eventColumnIds);
  const setOrder = useCallback(
    (order: readonly string[]) => {
      setLayout({ ...layout, order });
    },
    [layout, setLayout],
  );
  const setSizing = useCallback(
    (sizes: ColumnSizingState) => {
      setLayout({ ...layout, sizes });
    },
    [layout, setLayout],
  );
  const move = useCallback(
    (id: string, offset: -1 | 1) => {
      setLayout({ ...layout, order: moveColumn(layout.order, id, offset) });
    },
    [layout, setLayout],
  );
  const reset = useCallback(() => {
    setLayout(undefined);
  }, [setLayout]);
  /** The chooser's list, in the table's order. */
  const choices = useMemo(() => layout.order.flatMap((id) => choiceById.get(id) ?? []), [layout.order]);
  return { order: layout.order, sizing: layout.sizes, choices, setOrder, setSizing, move, reset };
}
