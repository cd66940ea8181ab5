import Database from "better-sqlite3";
import { accountQueries } from "./account-queries";
import type { AccountStore } from "../account-store";
import { bulkSeed } from "./bulk-seed";
import { containerQueries } from "./container-queries";
import { changeVersion } from "./change-version";
import { CountCache } from "./count-cache";
import { eventQueries } from "./event-queries";
import { fileGuard } from "./file-guard";
import type { EventStore } from "../event-store";
import { groupedWrites } from "./grouped-writes";
import { insertContainerEvents } from "./insert-container-events";
import { lookupQueries } from "./lookup-queries";
import { applyMigrations } from "./migrations";
import { isMemoryFile, openDatabase } from "./open-database";
import { sqliteUnavailable } from "./sqlite-unavailable";
import { statementCache } from "./statement-cache";

/**
 * The SQLite store: one file, created with its folder and brought up to the current schema on open. Events
 * and accounts share the file and its connection, so one object is both stores and its `close` ends both.
 */
export function openSqliteStore(file: string): EventStore & AccountStore {
  const db = openDatabase(file);
  try {
    applyMigrations(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const statement = statementCache(db);
  const changes = changeVersion(db);
  const counts = new CountCache(db, changes);
  const lookups = lookupQueries(statement);
  const accounts = accountQueries(statement);
  const containers = containerQueries(statement);

  // Exports read on a connection of their own, in chunks that each run to completion (no read stays open
  // while a client takes its time), through a small page cache of its own that leaves the lists' alone.
  let exportDb: Database.Database | undefined;
  const exportConnection = () => {
    if (isMemoryFile(file)) return db;
    if (!exportDb) {
      exportDb = openDatabase(file, { readonly: true });
      // An export reads every page once, in index order: mapping the file (up to 256 MB) or caching 64 MB
      // of pages only adds to the server's RSS (measured at 1M events: 342 MB peak, 9 MB growth without).
      exportDb.pragma("mmap_size = 0");
      exportDb.pragma("cache_size = -2048");
    }
    return exportDb;
  };
  const events = eventQueries({ statement, counts, orgRanks: lookups.orgRanks, exportConnection });
  const checkFile = isMemoryFile(file) ? () => undefined : fileGuard(file);
  /** A write is acknowledged only if the file it went to is still the store's file once it has committed. */
  const write = <T>(run: () => T): T => {
    const result = run();
    changes.written();
    checkFile();
    return result;
  };

  const grouped = groupedWrites(db, () => {
    changes.written();
    checkFile();
  });

  const store: EventStore & AccountStore = {
    organisations: lookups.organisations,
    eventTypes: lookups.eventTypes,
    isEmpty: lookups.isEmpty,
    findUserByUsername: accounts.findUserByUsername,
    findUserById: accounts.findUserById,
    signingSecret: accounts.signingSecret,
    startSession: (session, nowMs) => {
      write(() => {
        accounts.startSession(session, nowMs);
      });
    },
    sessionUserId: accounts.sessionUserId,
    endSession: (sessionId) => {
      write(() => {
        accounts.endSession(sessionId);
      });
    },

    changeVersion: changes.current,
    listEvents: events.list,
    countEvents: events.count,
    exportEvents: events.export,
    insertContainerEvents: (loggedEvents) =>
      grouped.write(() => insertContainerEvents(db, statement, loggedEvents)),

    findContainer: containers.find,
    listContainers: containers.list,

    seed(world, rows) {
      if (!bulkSeed(db, world, rows)) return false;
      lookups.forget();
      counts.clear();
      changes.written();
      return true;
    },
    health: checkFile,
    close() {
      grouped.flush();
      events.stopExports();
      exportDb?.close();
      optimizeUnlessReadOnly(db);
      db.close();
    },
  };
  return checkingFileFirst(store, checkFile);
}

/**
 * Every method but `close` checks the file before it reads or writes, and a SQLite error that means the
 * disk, a lock or the file is at fault leaves the store as a StoreUnavailableError, so callers need not know
 * SQLite's codes.
 */
function checkingFileFirst<Store extends { close(): void }>(store: Store, checkFile: () => void): Store {
  const rethrow = (error: unknown): never => {
    throw sqliteUnavailable(error) ?? error;
  };
  const guarded = { ...store };
  for (const key of Object.keys(store) as (keyof Store)[]) {
    if (key === "close") continue;
    const method: unknown = Reflect.get(store, key);
    (guarded as Record<keyof Store, unknown>)[key] = (...args: unknown[]) => {
      try {
        checkFile();
        const result = (method as (...args: unknown[]) => unknown)(...args);
        return result instanceof Promise ? result.catch(rethrow) : result;
      } catch (error) {
        rethrow(error);
      }
    };
  }
  return guarded;
}

/** `PRAGMA optimize` only refreshes planner statistics: a store on a read-only disk closes cleanly without it. */
function optimizeUnlessReadOnly(db: Database.Database): void {
  try {
    db.pragma("optimize");
  } catch (error) {
    if (!(error instanceof Database.SqliteError && error.code.startsWith("SQLITE_READONLY"))) throw error;
  }
}
