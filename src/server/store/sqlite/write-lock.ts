import Database from "better-sqlite3";

/** Long enough for another process to seed a large demo world. */
const defaultWaitMs = 30 * 60_000;

/**
 * Runs `work` in a `BEGIN IMMEDIATE` transaction: it holds the write lock from its first statement, so what
 * it reads (is the store empty? which schema version?) cannot change before it writes. While another process
 * holds the lock (seeding takes minutes, past the 5 s busy timeout) it keeps waiting, up to `waitMs`.
 */
export function withWriteLock<T>(db: Database.Database, work: () => T, waitMs = defaultWaitMs): T {
  const transaction = db.transaction(work);
  const deadline = performance.now() + waitMs;
  for (;;) {
    try {
      return transaction.immediate();
    } catch (error) {
      const busy = error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY");
      if (!busy || performance.now() > deadline) throw error;
    }
  }
}
