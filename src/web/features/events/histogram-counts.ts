import { queryOptions } from "@tanstack/react-query";
import { formatQuery, type FilterTerm } from "../../../contract/query-grammar";
import { eventQueries, fetchEventListPage, type EventView } from "../../api/event-queries";
import { bucketFilters, type Bucket } from "./histogram-buckets";

/** A browser sends six requests to one host at a time; more in flight would only wait in its queue. */
const inFlight = 6;

/**
 * Starting a request costs the page a few milliseconds (more under DevTools): 24 started in one task would block
 * it for a noticeable time, so each one starts in a task of its own.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The number of events in each bucket, counted by the list API itself: a `per_page=1` request with the filters
 * and the bucket's from/until, whose `x-total-count` is the count. One cache entry for the whole histogram, so it
 * renders once when the counts are in rather than once per answer.
 */
export function histogramCountsQuery(
  orgId: number,
  view: EventView,
  filters: readonly FilterTerm[],
  buckets: readonly Bucket[],
) {
  const bucketQueries = buckets.map((bucket) => formatQuery(bucketFilters(filters, bucket)));
  return queryOptions({
    queryKey: [...eventQueries.all(orgId), view, "histogram", bucketQueries] as const,
    queryFn: async ({ signal }) => {
      const totals: number[] = [];
      const pending = bucketQueries.map((q, index) => ({ q, index }));
      const worker = async () => {
        for (let bucket = pending.shift(); bucket; bucket = pending.shift()) {
          await nextTask();
          const search = { page: 1, perPage: 1, sort: undefined, q: bucket.q };
          totals[bucket.index] = (await fetchEventListPage(orgId, view, search, signal)).paging.total;
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
      return totals;
    },
    staleTime: 60_000,
    throwOnError: false,
  });
}
