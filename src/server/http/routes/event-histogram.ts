import type { Context } from "hono";
import {
  bucketSpan,
  defaultHistogramDays,
  histogramInterval,
  histogramIntervals,
  type Histogram,
} from "../../../contract/histogram";
import type { EventStore } from "../../store/event-store";
import { isoTimestamp } from "../../store/iso-timestamp";
import { badRequest } from "../api-error";
import type { AppEnv } from "../app-env";
import { jsonType, negotiate } from "../negotiate";
import { singleParam, viewParams } from "../event-views";

const dayMs = 86_400_000;

/**
 * `GET …/events/histogram`: the matching events per bucket over `q`'s `from`/`until`, or the
 * `defaultHistogramDays` days ending now; every bucket present, zeros too, in time order.
 */
export async function answerHistogram(
  c: Context<AppEnv>,
  store: EventStore,
  nowMs: number,
): Promise<Response> {
  negotiate(c.req.header("Accept"), [jsonType]);
  const query = new URL(c.req.url).searchParams;
  const { scope, filter } = viewParams(query, c.get("orgIds"));
  const fromMs = filter.from?.[0] ?? nowMs - defaultHistogramDays * dayMs;
  const untilMs = filter.until?.[0] ?? nowMs;
  const interval = histogramInterval(singleParam(query, "interval"), fromMs, untilMs);
  if (!interval.ok) throw badRequest(interval.message, "interval");
  const intervalMs = histogramIntervals[interval.value];
  const { startMs, count } = bucketSpan(fromMs, untilMs, intervalMs);
  const counts = new Map(
    await store.histogram(
      scope,
      { ...filter, from: [fromMs], until: [untilMs] },
      { startMs, intervalMs },
      { signal: c.req.raw.signal },
    ),
  );
  const answer: Histogram = {
    from: isoTimestamp(fromMs),
    until: isoTimestamp(untilMs),
    interval: interval.value,
    buckets: Array.from({ length: Math.max(0, count) }, (_, i) => ({
      start: isoTimestamp(startMs + i * intervalMs),
      count: counts.get(i) ?? 0,
    })),
  };
  return c.json(answer);
}
