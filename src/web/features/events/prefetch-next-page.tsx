import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { eventQueries, type EventView } from "../../api/event-queries";
import type { ListRequest } from "../../api/list-page";
import { useAfterPaint } from "../../ui/use-after-paint";

/**
 * Fetches the page after `request`'s into the cache, once the current page is on screen, so "Next page" answers
 * at once. Renders nothing; its own state keeps the list from rendering again when the time comes.
 */
export function PrefetchNextPage({
  orgId,
  view,
  request,
}: {
  orgId: number;
  view: EventView;
  request: ListRequest;
}) {
  const queryClient = useQueryClient();
  const shown = useAfterPaint(true);
  useEffect(() => {
    if (!shown) return;
    queryClient
      .query(eventQueries.list(orgId, view, { ...request, page: request.page + 1 }))
      .catch(() => undefined);
  }, [queryClient, orgId, view, request, shown]);
  return null;
}
