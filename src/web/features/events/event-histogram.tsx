import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useRef, useState } from "react";
import type { ContainerEventView } from "../../../contract/api-paths";
import { bucketSpan, histogramIntervals, maxBuckets } from "../../../contract/histogram";
import type { FilterTerm } from "../../../contract/query-grammar";
import { eventQueries } from "../../api/event-queries";
import { formatRange } from "../../ui/time-range";
import { useAfterPaint } from "../../ui/use-after-paint";
import {
  barRange,
  histogramInterval,
  histogramQuery,
  histogramRange,
  type Bucket,
} from "./histogram-buckets";
import "./event-histogram.css";
import { formatCompactCount, formatCount } from "../../ui/formats";

/**
 * Event counts over the filtered time range (the last 30 days without one), one bar per bucket of the API's
 * histogram (one request, exact, aligned to UTC hours or days). A bar is a button that narrows the time range
 * to its bucket.
 */
export function EventHistogram({
  orgId,
  view,
  filters,
  listLoaded,
  onRange,
}: {
  orgId: number;
  view: "all" | ContainerEventView;
  filters: readonly FilterTerm[];
  /** The list's first answer came: the counts are asked for once it is on screen, not before. */
  listLoaded: boolean;
  onRange: (bucket: Bucket) => void;
}) {
  const [now] = useState(() => Date.now());
  const captionId = useId();
  const start = useAfterPaint(listLoaded);
  const range = useMemo(() => histogramRange(filters, now), [filters, now]);
  const interval = histogramInterval(range);
  const tooLong = bucketSpan(range.from, range.until, histogramIntervals[interval]).count > maxBuckets;
  const counts = useQuery({
    ...eventQueries.histogram(orgId, view, histogramQuery(filters, range), interval),
    enabled: start && !tooLong,
  });
  const bars = useMemo(
    () =>
      (counts.data?.buckets ?? []).map((bucket) => {
        const slice = barRange(Date.parse(bucket.start), interval, range);
        return { slice, label: formatRange(slice.from, slice.until), count: bucket.count };
      }),
    [counts.data, interval, range],
  );

  const barRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [focused, setFocused] = useState(0);
  const stop = Math.min(focused, Math.max(0, bars.length - 1));
  const failed = counts.isError;
  const loaded = counts.data !== undefined;
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const sum = bars.reduce((total, bar) => total + bar.count, 0);
  const busiest = bars.reduce<(typeof bars)[number] | undefined>(
    (best, bar) => (best === undefined || bar.count > best.count ? bar : best),
    undefined,
  );

  const shownRange = formatRange(new Date(range.from).toISOString(), new Date(range.until).toISOString());
  // Two lines of fixed height whatever the state, so the table below never moves when the counts arrive.
  const summary = tooLong
    ? `The range ${shownRange} is too long to chart by day.`
    : failed
      ? "The event counts over time could not be loaded."
      : !loaded
        ? `Counting events from ${shownRange}…`
        : `${formatCount(sum)} events from ${shownRange}.`;
  const details =
    tooLong || failed
      ? ""
      : !loaded
        ? "Once counted, choose a bar to narrow the time range to it."
        : (sum > 0 && busiest ? `Busiest ${busiest.label} with ${formatCount(max)}. ` : "") +
          "Choose a bar to narrow the time range.";

  return (
    <figure className="histogram" aria-labelledby={captionId} aria-busy={!loaded && !failed && !tooLong}>
      <figcaption id={captionId} className="histogram-caption muted" title={`${summary} ${details}`.trim()}>
        <span className="histogram-caption-line">{summary}</span>{" "}
        <span className="histogram-caption-line">{details}</span>
      </figcaption>
      <div className="histogram-plot">
        <div className="histogram-scale muted" aria-hidden="true">
          <span>{loaded ? formatCompactCount(max) : ""}</span>
          <span>0</span>
        </div>
        {/* One tab stop: the arrow keys, Home and End move between the bars (a roving tabindex). */}
        <div
          className="histogram-bars"
          role="toolbar"
          aria-label="Bars: choose one to narrow the time range"
          onKeyDown={(event) => {
            const step = { ArrowLeft: -1, ArrowRight: 1, Home: -bars.length, End: bars.length }[event.key];
            if (step === undefined || bars.length === 0) return;
            event.preventDefault();
            const next = Math.min(bars.length - 1, Math.max(0, stop + step));
            setFocused(next);
            barRefs.current[next]?.focus();
          }}
        >
          {bars.map((bar, index) => (
            <button
              key={bar.slice.from}
              ref={(element) => {
                barRefs.current[index] = element;
              }}
              type="button"
              className="histogram-bar"
              tabIndex={index === stop ? 0 : -1}
              aria-label={`${bar.label}: ${formatCount(bar.count)} events`}
              title={`${bar.label}: ${formatCount(bar.count)} events`}
              onFocus={() => {
                setFocused(index);
              }}
              onClick={() => {
                onRange(bar.slice);
              }}
            >
              {/* Scaled rather than sized: a bar growing to its count is not a layout shift. */}
              <span
                className="histogram-fill"
                style={{ transform: `scaleY(${String(Math.max(bar.count / max, 0.02))})` }}
              />
            </button>
          ))}
        </div>
      </div>
      <div className="histogram-axis muted" aria-hidden="true">
        <span>{bars[0]?.label.split(" – ")[0]}</span>
        <span>{bars.at(-1)?.label.split(" – ")[1]}</span>
      </div>
    </figure>
  );
}
