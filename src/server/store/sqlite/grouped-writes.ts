import type Database from "better-sqlite3";

type Pending<T> = { write: () => T; resolve: (value: T) => void; reject: (error: unknown) => void };

/**
 * Writes that arrive in the same turn of the event loop commit together: one transaction, one sync to disk,
 * however many requests it serves, so concurrent writers share the cost of durability. Each write runs in a
 * savepoint of its own, so one that fails is rolled back and refused alone; a commit that fails refuses them
 * all. A write's promise settles after the commit, when its rows are durable.
 */
export function groupedWrites(db: Database.Database, afterCommit: () => void) {
  let queue: Pending<unknown>[] = [];

  const flush = () => {
    const batch = queue;
    queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      db.transaction(() => {
        for (const { write } of batch) {
          try {
            outcomes.push({ ok: true, value: db.transaction(write)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
      afterCommit();
    } catch (error) {
      for (const { reject } of batch) reject(error);
      return;
    }
    batch.forEach(({ resolve, reject }, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) resolve(outcome.value);
      else reject(outcome?.error);
    });
  };

  return {
    write<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ write: work, resolve: resolve as (value: unknown) => void, reject });
      });
    },
    /** Commits what waits now (before the connection closes); the scheduled flush then finds nothing. */
    flush() {
      if (queue.length > 0) flush();
    },
  };
}
