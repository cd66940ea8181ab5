import type { Context } from "hono";
import type { EventStore } from "../../store/event-store";
import { ApiError, badRequest } from "../api-error";
import type { AppEnv } from "../app-env";
import { viewParams } from "../event-views";
import { eventFeed } from "../live/event-feed";
import { liveEventStream } from "../live/live-event-stream";
import { streamSlots } from "../live/stream-slots";
import { eventStreamType, negotiate } from "../negotiate";

export type LiveSettings = {
  /** Open streams each user may have; one more answers 429. */
  streamsPerUser: number;
  /** How often an idle stream sends a comment. */
  heartbeatMs: number;
  /** Aborts when the server stops: every stream ends then. */
  shutdown: AbortSignal;
};

/** How often the process asks the store whether new events were stored. */
const pollMs = 250;
/** Events read from the store at a time by one stream. */
const batchRows = 500;
/** Streams free their slots as they end; a client past the cap may try again after this. */
const retryAfterSeconds = 5;

/**
 * `GET …/events/stream`: the events stored from now on (or after `Last-Event-ID`) that the list of the same
 * view and `q` would hold, as server-sent events, until the auth token expires, the client goes away or the
 * server stops.
 */
export function eventStreamAnswers(store: EventStore, settings: LiveSettings, now: () => number) {
  const feed = eventFeed(store, pollMs, settings.shutdown);
  const slots = streamSlots(settings.streamsPerUser);
  // One listener on the server's signal for all the streams, rather than one each.
  const open = new Set<AbortController>();
  settings.shutdown.addEventListener("abort", () => {
    open.forEach((stream) => {
      stream.abort();
    });
  });
  return async (c: Context<AppEnv>): Promise<Response> => {
    negotiate(c.req.header("Accept"), [eventStreamType]);
    const { scope, filter } = viewParams(new URL(c.req.url).searchParams, c.get("orgIds"));
    const resumeAfter = parseLastEventId(c.req.header("Last-Event-ID"));
    const headers = { "Content-Type": eventStreamType, "X-Accel-Buffering": "no" };
    if (c.req.method === "HEAD") return c.body(null, 200, headers);
    const release = slots.take(c.get("caller").id);
    if (!release) {
      throw new ApiError(
        "too_many_requests",
        `A user may have ${String(settings.streamsPerUser)} live streams open at once; close one first.`,
        undefined,
        { "Retry-After": String(retryAfterSeconds) },
      );
    }
    let latestId: number;
    try {
      latestId = await store.latestEventId();
    } catch (error) {
      release();
      throw error;
    }
    const stopping = new AbortController();
    open.add(stopping);
    if (settings.shutdown.aborted) stopping.abort();
    const body = liveEventStream({
      store,
      feed,
      scope,
      filter,
      afterId: resumeAfter ?? latestId,
      latestId,
      batchRows,
      heartbeatMs: settings.heartbeatMs,
      endsInMs: c.get("authExpiresAtMs") - now(),
      signals: [c.req.raw.signal, stopping.signal],
      onEnd: () => {
        open.delete(stopping);
        release();
      },
    });
    return c.body(body, 200, headers);
  };
}

/** The id a resuming client last received; absent or empty, none. */
function parseLastEventId(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const id = /^ *[0-9]+ *$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw badRequest("Last-Event-ID must be an event id.", "Last-Event-ID");
  return id;
}
