import { z } from "zod";
import { fail, ok, type Result } from "./result";

/** The bucket widths a histogram may be asked for, in ms. */
export const histogramIntervals = {
  "1m": 60_000,
  "5m": 5 * 60_000,
  "15m": 15 * 60_000,
  "1h": 60 * 60_000,
  "6h": 6 * 60 * 60_000,
  "1d": 24 * 60 * 60_000,
} as const;
export type HistogramInterval = keyof typeof histogramIntervals;
const intervalNames = Object.keys(histogramIntervals) as HistogramInterval[];

/** When no interval is asked for, the smallest giving at most this many buckets. */
export const autoMaxBuckets = 200;
export const maxBuckets = 1000;
/** The range when `q` gives no `from`/`until`: this many days ending now. */
export const defaultHistogramDays = 30;

export const histogramSchema = z.object({
  from: z.string(),
  until: z.string(),
  interval: z.enum(intervalNames as [HistogramInterval, ...HistogramInterval[]]),
  buckets: z.array(z.object({ start: z.string(), count: z.number().int().nonnegative() })),
});
export type Histogram = z.infer<typeof histogramSchema>;

/** The first bucket's start and how many buckets cover `from`…`until` (both included), aligned to UTC multiples. */
export function bucketSpan(
  fromMs: number,
  untilMs: number,
  intervalMs: number,
): { startMs: number; count: number } {
  const startMs = Math.floor(fromMs / intervalMs) * intervalMs;
  return { startMs, count: Math.floor(untilMs / intervalMs) - startMs / intervalMs + 1 };
}

/** The smallest interval that covers `fromMs`…`untilMs` in at most `most` buckets, else the widest. */
export function smallestInterval(fromMs: number, untilMs: number, most: number): HistogramInterval {
  return (
    intervalNames.find((name) => bucketSpan(fromMs, untilMs, histogramIntervals[name]).count <= most) ?? "1d"
  );
}

/**
 * The interval asked for (`raw`), or the smallest giving at most `autoMaxBuckets` buckets (else the widest);
 * a failure when the name is unknown or the buckets would be more than `maxBuckets`.
 */
export function histogramInterval(
  raw: string | undefined,
  fromMs: number,
  untilMs: number,
): Result<HistogramInterval> {
  if (raw !== undefined && raw !== "" && !(intervalNames as string[]).includes(raw)) {
    return fail(`interval must be one of ${intervalNames.join(", ")}.`);
  }
  const chosen =
    raw !== undefined && raw !== ""
      ? (raw as HistogramInterval)
      : smallestInterval(fromMs, untilMs, autoMaxBuckets);
  const { count } = bucketSpan(fromMs, untilMs, histogramIntervals[chosen]);
  return count > maxBuckets
    ? fail(
        `interval ${chosen} makes ${count.toLocaleString("en-US")} buckets; at most ${String(maxBuckets)} are allowed: choose a wider interval or a shorter range.`,
      )
    : ok(chosen);
}
