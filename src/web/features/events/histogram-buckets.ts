import type { FilterTerm } from "../../../contract/query-grammar";
import { isoSeconds } from "../../ui/time-range";

/** A time slice of the histogram; both ends inclusive, to the second, as the API's from/until are. */
export type Bucket = { from: string; until: string };

export const defaultHistogramSpanMs = 30 * 24 * 60 * 60_000;

/**
 * The range the histogram covers: the filters' from/until pair, or the last 30 days up to `now` rounded up to the
 * minute (so the bucket queries keep their cache keys while the page stays open).
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

/** Splits [from, until] into at most `count` equal whole-second buckets that touch without overlapping. */
export function histogramBuckets(range: { from: number; until: number }, count: number): Bucket[] {
  const start = Math.floor(range.from / 1000);
  const end = Math.floor(range.until / 1000);
  const seconds = end - start + 1;
  const width = Math.max(1, Math.ceil(seconds / count));
  const buckets: Bucket[] = [];
  for (let first = start; first <= end; first += width) {
    const last = Math.min(first + width - 1, end);
    buckets.push({ from: isoSeconds(first * 1000), until: isoSeconds(last * 1000) });
  }
  return buckets;
}

/** The list's filters with its time range replaced by the bucket's. */
export function bucketFilters(filters: readonly FilterTerm[], bucket: Bucket): FilterTerm[] {
  return [
    ...filters.filter((term) => term.field !== "from" && term.field !== "until"),
    { field: "from", value: bucket.from },
    { field: "until", value: bucket.until },
  ];
}
