import type { Event } from "../../../contract/event";
import type { EventFilter } from "../../../contract/filter-fields";
import type { EventScope, EventStore } from "../../store/event-store";
import type { EventFeed } from "./event-feed";

export type LiveStreamOptions = {
  store: EventStore;
  feed: EventFeed;
  scope: EventScope;
  filter: EventFilter;
  /** Events above this id are sent: the client's Last-Event-ID, or the latest id when the stream opened. */
  afterId: number;
  /** The latest id when the stream opened: every event up to it is visible already. */
  latestId: number;
  /** Events read from the store at a time (a resume's backlog comes in batches). */
  batchRows: number;
  heartbeatMs: number;
  /** When the stream ends by itself (the caller's auth token expires). */
  endsInMs: number;
  /** Any of them aborting ends the stream: the client going away, the server stopping. */
  signals: readonly AbortSignal[];
  /** Called once when the stream has ended, however it ended. */
  onEnd: () => void;
};

const encoder = new TextEncoder();
const frame = (event: Event) =>
  encoder.encode(`id: ${String(event.id)}\nevent: event\ndata: ${JSON.stringify(event)}\n\n`);
const keepAlive = encoder.encode(": keep-alive\n\n");
/** Up to this many bytes wait for a slow client; past that, no more events are read until it takes some. */
const bufferedBytes = 256 * 1024;

/**
 * The server-sent events of a live stream: after `afterId`, every matching event in id order, read from the
 * store whenever the feed says new events were stored (a read that comes back full is followed by another
 * at once), with a comment every `heartbeatMs` so proxies keep the connection.
 *
 * Ids commit in increasing order on every backend, so once a read has come back short, every event up to
 * the latest id the feed reported before that read has been seen: the cursor moves there, and the next read
 * starts past events that did not match.
 */
export function liveEventStream(options: LiveStreamOptions): ReadableStream<Uint8Array> {
  const { store, feed, scope, filter, batchRows, signals } = options;
  let controller: ReadableStreamDefaultController<Uint8Array>;
  let cursor = options.afterId;
  let latest = options.latestId;
  let ended = false;
  /** Whether the stream has ended meanwhile (a read of the store takes a while). */
  const isEnded = () => ended;
  let reading = false;
  /** Counts the feed's wakes, so that a read that ran while one came is followed by another. */
  let wakes = 0;
  let room: (() => void) | undefined;
  const timers: NodeJS.Timeout[] = [];
  const unsubscribe: (() => void)[] = [];

  /** Stops reading and frees what the stream holds; closes the stream unless its reader cancelled it. */
  const end = (close: "close" | "cancelled" | { error: unknown }) => {
    if (ended) return;
    ended = true;
    timers.forEach(clearTimeout);
    unsubscribe.forEach((stop) => {
      stop();
    });
    room?.();
    options.onEnd();
    if (close === "close") controller.close();
    else if (close !== "cancelled") controller.error(close.error);
  };

  const hasRoom = () =>
    (controller.desiredSize ?? 0) > 0 ? Promise.resolve() : new Promise<void>((resolve) => (room = resolve));

  const readNew = async () => {
    if (reading) return;
    reading = true;
    try {
      let handled: number;
      do {
        handled = wakes;
        const seenUpTo = latest;
        let rows: Event[];
        do {
          await hasRoom();
          if (isEnded()) return;
          rows = await store.eventsAfter(scope, filter, cursor, batchRows);
          if (isEnded()) return;
          for (const event of rows) controller.enqueue(frame(event));
          cursor = rows.at(-1)?.id ?? cursor;
        } while (rows.length === batchRows);
        cursor = Math.max(cursor, seenUpTo);
      } while (handled !== wakes);
    } catch (error) {
      // A read still running when the stream ended (the server stopping) has nobody to fail.
      if (isEnded()) return;
      console.error("[eventdesk] Live events: reading the event store failed:", error);
      end({ error });
    } finally {
      reading = false;
    }
  };

  return new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
        // Something to send at once, so that the client has the answer's head without waiting for an event.
        controller.enqueue(keepAlive);
        const stop = () => {
          end("close");
        };
        for (const signal of signals) {
          signal.addEventListener("abort", stop, { once: true });
          unsubscribe.push(() => {
            signal.removeEventListener("abort", stop);
          });
        }
        if (signals.some((signal) => signal.aborted)) {
          stop();
          return;
        }
        timers.push(setTimeout(stop, options.endsInMs));
        timers.push(
          setInterval(() => {
            if ((controller.desiredSize ?? 0) > 0) controller.enqueue(keepAlive);
          }, options.heartbeatMs),
        );
        unsubscribe.push(
          feed.subscribe((latestId) => {
            latest = Math.max(latest, latestId);
            wakes++;
            void readNew();
          }),
        );
        void readNew();
      },
      pull() {
        room?.();
        room = undefined;
      },
      cancel() {
        end("cancelled");
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: bufferedBytes }),
  );
}
