import { histogramIntervals, smallestInterval, type HistogramInterval } from "../../../contract/histogram";
import { formatQuery, type FilterTerm } from "../../../contract/query-grammar";

/** A bar's time slice, both ends inclusive to the millisecond, as the API's from/until are. */
export type Bucket = { from: string; until: string };

export const defaultHistogramSpanMs = 30 * 24 * 60 * 60_000;

/** At most this many bars: each must stay wide enough to see and to click. */
export const maxBars = 48;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The range the histogram covers: the filters' from/until pair, or the last 30 days up to `now` rounded up to the
 * minute (so the histogram keeps its cache key while the page stays open).
 */
export function histogramRange(filters: readonly FilterTerm[], now: number): { from: number; until: number } {
  const froms = filters.filter((term) => term.field === "from");
  const untils = filters.filter((term) => term.field === "until");
  if (froms.length === 1 && untils.length === 1) {
    const from = Date.parse(froms[0]?.value ?? "");
    const until = Date.parse(untils[0]?.value ?? "");
    if (!Number.isNaN(from) && !Number.isNaN(until) && from <= until) return { from, until };
  }
  const until = Math.ceil(now / 60_000) * 60_000;
  return { from: until - defaultHistogramSpanMs, until };
}

/** The smallest of the API's intervals that covers the range in at most `maxBars` buckets (else a day). */
export function histogramInterval(range: { from: number; until: number }): HistogramInterval {
  return smallestInterval(range.from, range.until, maxBars);
}

/** The `q` the histogram asks with: the list's filters, its time range replaced by the histogram's. */
export function histogramQuery(
  filters: readonly FilterTerm[],
  range: { from: number; until: number },
): string {
  return formatQuery([
    ...filters.filter((term) => term.field !== "from" && term.field !== "until"),
    { field: "from", value: iso(range.from) },
    { field: "until", value: iso(range.until) },
  ]);
}

/** What a bar that starts at `startMs` covers of the range: the list's from/until when it is chosen. */
export function barRange(
  startMs: number,
  interval: HistogramInterval,
  range: { from: number; until: number },
): Bucket {
  const end = startMs + histogramIntervals[interval] - 1;
  return { from: iso(Math.max(startMs, range.from)), until: iso(Math.min(end, range.until)) };
}
