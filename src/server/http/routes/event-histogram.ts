import type { Context } from "hono";
import { eventFilterFields, type EventFilter } from "../../../contract/filter-fields";
import {
  bucketSpan,
  defaultHistogramDays,
  histogramInterval,
  histogramIntervals,
  type Histogram,
} from "../../../contract/histogram";
import { maxQueryLength } from "../../../contract/list-params";
import { parseFilter } from "../../../contract/parse-filter";
import type { EventScope, EventStore } from "../../store/event-store";
import { isoTimestamp } from "../../store/iso-timestamp";
import { badRequest } from "../api-error";
import type { AppEnv } from "../app-env";
import { jsonType, negotiate } from "../negotiate";
import { viewScope } from "../event-views";

const dayMs = 86_400_000;

/** A parameter's one value: undefined when absent, a 400 naming it when given twice. */
function single(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  if (values.length > 1) throw badRequest(`${name} may be given only once.`, name);
  return values[0];
}

function parseQ(raw: string | undefined): EventFilter {
  if (!raw) return {};
  if (raw.length > maxQueryLength)
    throw badRequest(`q must be at most ${String(maxQueryLength)} characters.`, "q");
  const parsed = parseFilter(raw, eventFilterFields);
  if (!parsed.ok) throw badRequest(parsed.message, "q");
  return parsed.value;
}

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
  const scope: EventScope = { orgIds: c.get("orgIds"), ...viewScope(single(query, "view")) };
  const filter = parseQ(single(query, "q"));
  const fromMs = filter.from?.[0] ?? nowMs - defaultHistogramDays * dayMs;
  const untilMs = filter.until?.[0] ?? nowMs;
  const interval = histogramInterval(single(query, "interval"), fromMs, untilMs);
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
