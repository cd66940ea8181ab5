import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

/** Whether `file` names an in-memory database rather than a path. */
export function isMemoryFile(file: string): boolean {
  return file === ":memory:" || file === "";
}

/**
 * Opens the SQLite file with the settings every connection shares. `synchronous = FULL` makes a commit
 * durable before `run()` returns, which the contract asks of a logged event; in WAL mode it costs one fsync
 * of the log per commit, and the server commits one small transaction per POST.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Database.Database {
  if (!isMemoryFile(file) && !options.readonly) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false });
  db.pragma("busy_timeout = 5000");
  if (!options.readonly) db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("cache_size = -65536");
  db.pragma("mmap_size = 268435456");
  return db;
}
