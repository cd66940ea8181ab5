import { useQueries } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { formatQuery, type FilterTerm } from "../../../contract/query-grammar";
import { eventQueries, type EventView } from "../../api/event-queries";
import { formatRange } from "../../ui/time-range";
import { bucketFilters, histogramBuckets, histogramRange, type Bucket } from "./histogram-buckets";
import "./event-histogram.css";

/** Measured: 24 count requests, six at a time as a browser sends them, take 80–310 ms against 100k seeded events. */
const bucketCount = 24;
const count = new Intl.NumberFormat();

/**
 * Event counts over the filtered time range (the last 30 days without one), one bar per bucket, each counted by
 * the list API itself: a `per_page=1` request with the current filters and the bucket's from/until, whose
 * `x-total-count` is the bar. A bar is a button that narrows the time range to its bucket.
 */
export function EventHistogram({
  orgId,
  view,
  filters,
  onRange,
}: {
  orgId: number;
  view: EventView;
  filters: readonly FilterTerm[];
  onRange: (bucket: Bucket) => void;
}) {
  const [now] = useState(() => Date.now());
  const captionId = useId();
  const buckets = useMemo(() => histogramBuckets(histogramRange(filters, now), bucketCount), [filters, now]);
  const counts = useQueries({
    queries: buckets.map((bucket) => ({
      ...eventQueries.list(orgId, view, {
        page: 1,
        perPage: 1,
        sort: undefined,
        q: formatQuery(bucketFilters(filters, bucket)),
      }),
      placeholderData: undefined,
      throwOnError: false,
      staleTime: 60_000,
      select: (page: { paging: { total: number } }) => page.paging.total,
    })),
  });

  const first = buckets[0];
  const last = buckets.at(-1);
  if (!first || !last) return null;
  const failed = counts.find((result) => result.isError);
  const loaded = counts.every((result) => result.data !== undefined);
  const totals = counts.map((result) => result.data ?? 0);
  const max = Math.max(1, ...totals);
  const sum = totals.reduce((a, b) => a + b, 0);
  const busiest = totals.indexOf(Math.max(...totals));
  const busiestBucket = buckets[busiest];

  const summary = failed
    ? "The event counts over time could not be loaded."
    : !loaded
      ? "Counting events over time…"
      : `${count.format(sum)} events from ${formatRange(first.from, last.until)}` +
        (sum > 0 && busiestBucket
          ? `; busiest ${formatRange(busiestBucket.from, busiestBucket.until)} with ${count.format(max)}.`
          : ".");

  return (
    <figure className="histogram" aria-labelledby={captionId} aria-busy={!loaded && !failed}>
      <figcaption id={captionId} className="histogram-caption muted">
        {summary} {loaded ? "Choose a bar to narrow the time range." : null}
      </figcaption>
      <div className="histogram-bars">
        {buckets.map((bucket, index) => {
          const value = counts[index]?.data;
          const range = formatRange(bucket.from, bucket.until);
          return (
            <button
              key={bucket.from}
              type="button"
              className="histogram-bar"
              disabled={value === undefined}
              aria-label={`${range}: ${value === undefined ? "counting" : count.format(value)} events`}
              title={`${range}: ${value === undefined ? "…" : count.format(value)} events`}
              onClick={() => {
                onRange(bucket);
              }}
            >
              <span
                className={`histogram-fill${value === undefined ? " skeleton" : ""}`}
                style={{ height: value === undefined ? "30%" : `${String((value / max) * 100)}%` }}
              />
            </button>
          );
        })}
      </div>
      <div className="histogram-axis muted" aria-hidden="true">
        <span>{formatRange(first.from, first.until).split(" – ")[0]}</span>
        <span>{formatRange(last.from, last.until).split(" – ")[1]}</span>
      </div>
    </figure>
  );
}
