import Database from "better-sqlite3";
import { StoreUnavailableError } from "../store-unavailable";

/** The store's own error for a SQLite error that means the disk or a lock, not the request, is at fault. */
export function sqliteUnavailable(error: unknown): StoreUnavailableError | undefined {
  if (!(error instanceof Database.SqliteError)) return undefined;
  if (/^SQLITE_(READONLY|FULL|IOERR|CANTOPEN)/.test(error.code)) {
    return new StoreUnavailableError("cannot_write", `SQLite ${error.code}`, { cause: error });
  }
  if (/^SQLITE_(BUSY|LOCKED)/.test(error.code)) {
    return new StoreUnavailableError("busy", `SQLite ${error.code}`, { cause: error });
  }
  return undefined;
}
