import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";

// better-sqlite3 reads this once, when its native addon loads (at the first `new Database`): it lets SQLite
// take `file:` URIs, which a store on a read-only disk needs (see `openFile`).
process.env.SQLITE_USE_URI = "1";

/** Whether `file` names an in-memory database rather than a path. */
export function isMemoryFile(file: string): boolean {
  return file === ":memory:" || file === "";
}

/**
 * Opens the SQLite file with the settings every connection shares. `synchronous = FULL` makes a commit
 * durable before `run()` returns, which the contract asks of a logged event; in WAL mode it costs one fsync
 * of the log per commit, and the server commits one small transaction per POST.
 *
 * A store on a read-only disk (its file or folder cannot be written) opens read-only whatever `options`
 * asks: reads work and every write fails with SQLITE_READONLY, as when the disk turns read-only under a
 * running server.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Database.Database {
  const memory = isMemoryFile(file);
  const readOnlyDisk = !memory && existsSync(file) && !(writable(file) && writable(dirname(file)));
  const readonly = (options.readonly ?? false) || readOnlyDisk;
  if (!memory && !readonly) mkdirSync(dirname(file), { recursive: true });
  const db = openFile(file, readonly);
  db.pragma("busy_timeout = 5000");
  if (!readonly) db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("cache_size = -65536");
  db.pragma("mmap_size = 268435456");
  return db;
}

/**
 * SQLite reads a WAL database through its -shm file, which it cannot create in a folder it cannot write
 * (SQLITE_CANTOPEN). When no -wal holds commits (the store was closed cleanly) the database file alone is the
 * whole store, and `immutable=1` reads it without -shm or locks. A -wal with commits (left by a crash) must be
 * read, and is, through the -shm the crash left beside it.
 */
function openFile(file: string, readonly: boolean): Database.Database {
  if (readonly && !writable(dirname(file)) && walBytes(file) === 0) {
    return new Database(`${pathToFileURL(file).href}?immutable=1`, { readonly: true });
  }
  return new Database(file, { readonly });
}

/** `access(2)`, so a read-only mount counts even for root, who ignores permission bits. */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function walBytes(file: string): number {
  return statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
}
