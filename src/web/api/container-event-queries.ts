import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiPaths } from "../../contract/api-paths";
import { eventListSchema } from "../../contract/event";
import { eventQueries } from "./event-queries";
import { fetchListPage } from "./list-page";

/** A container timeline is read newest first, 50 events a page. */
export const timelinePageSize = 50;

/** Pages read while looking for an event's place; bigger pages mean fewer round trips. */
const locatePageSize = 1000;
const locateMaxPages = 50;

/** Where an event sits in a container's timeline: its 0-based index and the timeline page holding it. */
export type TimelinePosition = { index: number; page: number };

const timelineKey = (orgId: number, containerId: string) =>
  [...eventQueries.all(orgId), { container: containerId }] as const;

export const containerEventQueries = {
  /**
   * One container's events, newest first, as an infinite list of pages numbered like the API's `page`.
   * `startPage` > 1 opens the timeline in the middle (around an event); the pages before it load on demand.
   */
  timeline: (orgId: number, containerId: string, q: string | undefined, startPage: number) =>
    infiniteQueryOptions({
      queryKey: [...timelineKey(orgId, containerId), "timeline", { q, startPage }] as const,
      queryFn: ({ pageParam, signal }) =>
        fetchListPage(
          apiPaths.containerEventList(orgId, containerId),
          { page: pageParam, perPage: timelinePageSize, sort: undefined, q },
          eventListSchema,
          signal,
        ),
      initialPageParam: startPage,
      getNextPageParam: (last) =>
        last.paging.page < last.paging.totalPages ? last.paging.page + 1 : undefined,
      getPreviousPageParam: (first) => (first.paging.page > 1 ? first.paging.page - 1 : undefined),
    }),
  /**
   * Finds event `eventId` in the container's timeline (with filter `q`): the API has no lookup by id, so this
   * reads the timeline in large pages in the same order until it meets the event. `null` when it is not there.
   */
  position: (orgId: number, containerId: string, q: string | undefined, eventId: number) =>
    queryOptions({
      queryKey: [...timelineKey(orgId, containerId), "position", { q, eventId }] as const,
      queryFn: async ({ signal }): Promise<TimelinePosition | null> => {
        for (let page = 1; page <= locateMaxPages; page++) {
          const { rows, paging } = await fetchListPage(
            apiPaths.containerEventList(orgId, containerId),
            { page, perPage: locatePageSize, sort: undefined, q },
            eventListSchema,
            signal,
          );
          const found = rows.findIndex((event) => event.id === eventId);
          if (found >= 0) {
            const index = (page - 1) * locatePageSize + found;
            return { index, page: Math.floor(index / timelinePageSize) + 1 };
          }
          if (page >= paging.totalPages) return null;
        }
        return null;
      },
    }),
};
