import { histogramIntervals, smallestInterval, type HistogramInterval } from "../../../contract/histogram";
import { formatQuery, type FilterTerm } from "../../../contract/query-grammar";

/** A bar's time slice, both ends inclusive to the millisecond, as the API's from/until are. */
export type Bucket = { from: string; until: string };

/** At most this many bars: each must stay wide enough to see and to click. */
export const maxBars = 48;

const iso = (ms: number) => new Date(ms).toISOString();

export type TimeRange = { from: number; until: number };

/**
 * The range the histogram covers: the filters' from/until pair, else the table's own (`bounds`: its oldest and
 * newest event's times), so the bars add up to the table's total; undefined while the bounds are not known.
 */
export function histogramRange(
  filters: readonly FilterTerm[],
  bounds: TimeRange | undefined,
): TimeRange | undefined {
  const froms = filters.filter((term) => term.field === "from");
  const untils = filters.filter((term) => term.field === "until");
  if (froms.length === 1 && untils.length === 1) {
    const from = Date.parse(froms[0]?.value ?? "");
    const until = Date.parse(untils[0]?.value ?? "");
    if (!Number.isNaN(from) && !Number.isNaN(until) && from <= until) return { from, until };
  }
  return bounds;
}

/** The filters without a time range: what the table's bounds are asked for. */
export function withoutTimeRange(filters: readonly FilterTerm[]): FilterTerm[] {
  return filters.filter((term) => term.field !== "from" && term.field !== "until");
}

/** The smallest of the API's intervals that covers the range in at most `maxBars` buckets (else a day). */
export function histogramInterval(range: TimeRange): HistogramInterval {
  return smallestInterval(range.from, range.until, maxBars);
}

/** The `q` the histogram asks with: the list's filters, its time range replaced by the histogram's. */
export function histogramQuery(filters: readonly FilterTerm[], range: TimeRange): string {
  return formatQuery([
    ...withoutTimeRange(filters),
    { field: "from", value: iso(range.from) },
    { field: "until", value: iso(range.until) },
  ]);
}

/** What a bar that starts at `startMs` covers of the range: the list's from/until when it is chosen. */
export function barRange(startMs: number, interval: HistogramInterval, range: TimeRange): Bucket {
  const end = startMs + histogramIntervals[interval] - 1;
  return { from: iso(Math.max(startMs, range.from)), until: iso(Math.min(end, range.until)) };
}

export type Bar = { slice: Bucket; count: number };

/**
 * The API's buckets as at most `maxBars` bars: consecutive buckets are summed `k` at a time when there are more
 * (a year of days becomes bars of 8 days), each bar covering its buckets' slices of the range.
 */
export function barsOf(
  buckets: readonly { start: string; count: number }[],
  interval: HistogramInterval,
  range: TimeRange,
): Bar[] {
  const per = Math.max(1, Math.ceil(buckets.length / maxBars));
  const bars: Bar[] = [];
  for (let i = 0; i < buckets.length; i += per) {
    const group = buckets.slice(i, i + per);
    const first = barRange(Date.parse(group[0]?.start ?? ""), interval, range);
    const last = barRange(Date.parse(group.at(-1)?.start ?? ""), interval, range);
    bars.push({
      slice: { from: first.from, until: last.until },
      count: group.reduce((sum, bucket) => sum + bucket.count, 0),
    });
  }
  return bars;
}

/** The slice from one bar to another, in either order: what a drag across the bars narrows to. */
export function spanOf(bars: readonly Bar[], a: number, b: number): Bucket | undefined {
  const first = bars[Math.min(a, b)];
  const last = bars[Math.max(a, b)];
  return first && last ? { from: first.slice.from, until: last.slice.until } : undefined;
}
