import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import type { ContainerEventView } from "../../../contract/api-paths";
import { bucketSpan, histogramIntervals, maxBuckets } from "../../../contract/histogram";
import { formatQuery, type FilterTerm } from "../../../contract/query-grammar";
import { eventQueries } from "../../api/event-queries";
import { formatCompactCount, formatCount } from "../../ui/formats";
import { formatRange } from "../../ui/time-range";
import { useAfterPaint } from "../../ui/use-after-paint";
import {
  barsOf,
  histogramInterval,
  histogramQuery,
  histogramRange,
  spanOf,
  withoutTimeRange,
  type Bucket,
} from "./histogram-buckets";
import "./event-histogram.css";

type Selection = { anchor: number; end: number; by: "pointer" | "keyboard" };

/**
 * Event counts over the list's time range (its from/until, else from its oldest to its newest event), one bar
 * per bucket or run of buckets of the API's histogram (exact, aligned to UTC hours or days), so the bars add up
 * to the table's total. A bar is a button that narrows the time range to it; dragging across bars (or
 * Shift+arrows, then Enter) narrows it to the bars passed over.
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
  const captionId = useId();
  const start = useAfterPaint(listLoaded);
  const unranged = histogramRange(filters, undefined) === undefined;
  const bounds = useQuery({
    ...eventQueries.timeBounds(orgId, view, formatQuery(withoutTimeRange(filters)) || undefined),
    enabled: start && unranged,
  });
  const range = useMemo(() => histogramRange(filters, bounds.data ?? undefined), [filters, bounds.data]);
  const interval = range ? histogramInterval(range) : "1d";
  const tooLong =
    range !== undefined &&
    bucketSpan(range.from, range.until, histogramIntervals[interval]).count > maxBuckets;
  const counts = useQuery({
    ...eventQueries.histogram(orgId, view, range ? histogramQuery(filters, range) : "", interval),
    enabled: start && range !== undefined && !tooLong,
  });
  const bars = useMemo(
    () =>
      range && counts.data
        ? barsOf(counts.data.buckets, interval, range).map((bar) => ({
            ...bar,
            label: formatRange(bar.slice.from, bar.slice.until),
          }))
        : [],
    [counts.data, interval, range],
  );

  const barRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [focused, setFocused] = useState(0);
  const [selection, setSelection] = useState<Selection>();
  const stop = Math.min(focused, Math.max(0, bars.length - 1));
  const empty = unranged && bounds.data === null;
  const failed = counts.isError || bounds.isError;
  const loaded = counts.data !== undefined && range !== undefined;
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const sum = bars.reduce((total, bar) => total + bar.count, 0);
  const busiest = bars.reduce<(typeof bars)[number] | undefined>(
    (best, bar) => (best === undefined || bar.count > best.count ? bar : best),
    undefined,
  );
  const selected = selection ? spanOf(bars, selection.anchor, selection.end) : undefined;
  const selectedCount = selection
    ? bars
        .slice(Math.min(selection.anchor, selection.end), Math.max(selection.anchor, selection.end) + 1)
        .reduce((total, bar) => total + bar.count, 0)
    : 0;

  const shownRange = range
    ? formatRange(new Date(range.from).toISOString(), new Date(range.until).toISOString())
    : "";
  // Two lines of fixed height whatever the state, so the table below never moves when the counts arrive.
  const summary = empty
    ? "No events to chart."
    : tooLong
      ? `The range ${shownRange} is too long to chart by day.`
      : failed
        ? "The event counts over time could not be loaded."
        : !loaded
          ? "Counting events over time…"
          : `${formatCount(sum)} events from ${shownRange}.`;
  const details = selected
    ? `${selection?.by === "keyboard" ? "Enter narrows" : "Release to narrow"} the time range to ${formatRange(selected.from, selected.until)} (${formatCount(selectedCount)} events).`
    : tooLong || failed || empty
      ? ""
      : !loaded
        ? "Once counted, choose a bar, or drag across bars, to narrow the time range."
        : (sum > 0 && busiest ? `Busiest ${busiest.label} with ${formatCount(max)}. ` : "") +
          "Choose a bar, or drag across bars, to narrow the time range.";

  /** The bar under a pointer: the bars share the row's width equally. */
  function barAt(event: ReactPointerEvent<HTMLElement>): number {
    const rect = event.currentTarget.getBoundingClientRect();
    const at = Math.floor(((event.clientX - rect.left) / Math.max(1, rect.width)) * bars.length);
    return Math.min(bars.length - 1, Math.max(0, at));
  }

  function narrowTo(slice: Bucket | undefined) {
    setSelection(undefined);
    if (slice) onRange(slice);
  }

  return (
    <figure
      className="histogram"
      aria-labelledby={captionId}
      aria-busy={!loaded && !failed && !tooLong && !empty}
    >
      <figcaption id={captionId} className="histogram-caption muted" title={`${summary} ${details}`.trim()}>
        <span className="histogram-caption-line">{summary}</span>{" "}
        <span className="histogram-caption-line" aria-live="polite">
          {details}
        </span>
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
          aria-label="Bars: choose one, or Shift+arrows then Enter for several, to narrow the time range"
          onKeyDown={(event) => {
            if (event.key === "Escape" && selection) {
              event.preventDefault();
              setSelection(undefined);
              return;
            }
            const step = { ArrowLeft: -1, ArrowRight: 1, Home: -bars.length, End: bars.length }[event.key];
            if (step === undefined || bars.length === 0) return;
            event.preventDefault();
            const next = Math.min(bars.length - 1, Math.max(0, stop + step));
            setSelection(
              event.shiftKey ? { anchor: selection?.anchor ?? stop, end: next, by: "keyboard" } : undefined,
            );
            setFocused(next);
            barRefs.current[next]?.focus();
          }}
          onPointerDown={(event) => {
            if (event.button !== 0 || bars.length === 0) return;
            const at = barAt(event);
            event.currentTarget.setPointerCapture(event.pointerId);
            setSelection({ anchor: at, end: at, by: "pointer" });
          }}
          onPointerMove={(event) => {
            if (selection?.by !== "pointer") return;
            const at = barAt(event);
            if (at !== selection.end) setSelection({ ...selection, end: at });
          }}
          onPointerUp={() => {
            if (selection?.by === "pointer") narrowTo(selected);
          }}
          onPointerCancel={() => {
            setSelection(undefined);
          }}
        >
          {bars.map((bar, index) => {
            const inSelection =
              selection !== undefined &&
              index >= Math.min(selection.anchor, selection.end) &&
              index <= Math.max(selection.anchor, selection.end);
            return (
              <button
                key={bar.slice.from}
                ref={(element) => {
                  barRefs.current[index] = element;
                }}
                type="button"
                className={`histogram-bar${inSelection ? " histogram-bar-selected" : ""}`}
                tabIndex={index === stop ? 0 : -1}
                aria-label={`${bar.label}: ${formatCount(bar.count)} events`}
                title={`${bar.label}: ${formatCount(bar.count)} events`}
                onFocus={() => {
                  setFocused(index);
                }}
                onClick={(event) => {
                  // Pointers narrow on release (above); this is Enter or Space.
                  if (event.detail === 0) narrowTo(selected ?? bar.slice);
                }}
              >
                {/* Scaled rather than sized: a bar growing to its count is not a layout shift. */}
                <span
                  className="histogram-fill"
                  style={{ transform: `scaleY(${String(Math.max(bar.count / max, 0.02))})` }}
                />
              </button>
            );
          })}
        </div>
      </div>
      <div className="histogram-axis muted" aria-hidden="true">
        <span>{bars[0]?.label.split(" – ")[0]}</span>
        <span>{bars.at(-1)?.label.split(" – ")[1]}</span>
      </div>
    </figure>
  );
}
