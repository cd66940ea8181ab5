import type { EventStore } from "../../store/event-store";

/** Told the largest event id stored when it has moved since the last poll. */
export type Wake = (latestId: number) => void;

export type EventFeed = {
  /** Calls `wake` after each poll that finds the largest event id moved; answers the unsubscribe. */
  subscribe(wake: Wake): () => void;
};

/**
 * One poll of the store for the whole process, however many streams are open: every `pollMs`, while any
 * stream listens, it asks for the largest event id (one index lookup on either backend) and wakes every
 * stream when it moved; each woken stream then reads its own matching events. Polling the store, rather than
 * listening to this process's writes, lets a stream see events written through any server sharing the
 * database. Once `shutdown` aborts it polls no more, and a poll cut off by the store closing is not an error.
 */
export function eventFeed(store: EventStore, pollMs: number, shutdown: AbortSignal): EventFeed {
  const listeners = new Set<Wake>();
  let seen = -1;
  let polling = false;
  let failing = false;
  const stopped = () => shutdown.aborted;

  const schedule = () => {
    setTimeout(() => void poll(), pollMs).unref();
  };

  const poll = async () => {
    if (listeners.size === 0 || stopped()) {
      polling = false;
      return;
    }
    try {
      const latest = await store.latestEventId();
      failing = false;
      if (latest !== seen) {
        seen = latest;
        for (const wake of listeners) wake(latest);
      }
    } catch (error) {
      if (stopped()) return;
      if (!failing) console.error("[eventdesk] Live events: polling the event store failed:", error);
      failing = true;
    }
    schedule();
  };

  return {
    subscribe(wake) {
      listeners.add(wake);
      if (!polling) {
        polling = true;
        schedule();
      }
      return () => {
        listeners.delete(wake);
      };
    },
  };
}
