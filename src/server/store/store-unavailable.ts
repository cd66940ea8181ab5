import Database from "better-sqlite3";

/** Why the store cannot answer now: its disk refuses writes, another writer holds it, or its file is gone. */
export type UnavailableReason = "cannot_write" | "busy" | "file_lost";

/** The store cannot serve this request now; the request itself was fine and may be retried later. */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";

  constructor(
    readonly reason: UnavailableReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The store's own error for a SQLite error that means the disk or a lock, not the request, is at fault. */
export function asStoreUnavailable(error: unknown): StoreUnavailableError | undefined {
  if (error instanceof StoreUnavailableError) return error;
  if (!(error instanceof Database.SqliteError)) return undefined;
  if (/^SQLITE_(READONLY|FULL|IOERR|CANTOPEN)/.test(error.code)) {
    return new StoreUnavailableError("cannot_write", `SQLite ${error.code}`, { cause: error });
  }
  if (/^SQLITE_(BUSY|LOCKED)/.test(error.code)) {
    return new StoreUnavailableError("busy", `SQLite ${error.code}`, { cause: error });
  }
  return undefined;
}
