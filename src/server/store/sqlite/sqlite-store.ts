import Database from "better-sqlite3";
import { accountQueries } from "./account-queries";
import type { AccountStore } from "../account-store";
import type { SavedViewStore } from "../saved-view-store";
import { bulkSeed } from "./bulk-seed";
import { containerQueries } from "./container-queries";
import { changeVersion, type ChangeVersion } from "./change-version";
import { eventReader, exportDatabase, type EventReader } from "./event-reader";
import type { EventExport, EventStore } from "../event-store";
import { fileGuard } from "./file-guard";
import { groupedWrites } from "./grouped-writes";
import { guardedMethods } from "../guarded-methods";
import { findEvent } from "./find-event";
import { insertContainerEvents } from "./insert-container-events";
import { latestEventId } from "./latest-event-id";
import { lookupQueries } from "./lookup-queries";
import { applyMigrations } from "./migrations";
import { isMemoryFile, openDatabase } from "./open-database";
import type { ReadMethod } from "./read-messages";
import { savedViewQueries } from "./saved-view-queries";
import { readsInPlace, readThreads, type Reads, type RunOptions } from "./read-threads";
import { setContainerBlocked } from "./set-container-blocked";
import { inProcessSignInFailures } from "./sign-in-failures";
import { sqliteUnavailable } from "./sqlite-unavailable";
import { statementCache } from "./statement-cache";

export type SqliteStoreOptions = {
  /**
   * How many threads run the long reads (lists, counts, exports), each on connections of its own; 0 runs
   * them on the main thread's connection, as an in-memory store always does.
   */
  readThreads?: number;
};

/**
 * The SQLite store: one file, created with its folder and brought up to the current schema on open. Events
 * and accounts share the file; writes, accounts and the small lookups use the main thread's connection, the
 * long reads the read threads'. `close` ends both stores.
 */
export function openSqliteStore(
  file: string,
  options: SqliteStoreOptions = {},
): EventStore & AccountStore & SavedViewStore {
  const db = openDatabase(file);
  try {
    applyMigrations(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const statement = statementCache(db);
  const changes = changeVersion(db);
  const lookups = lookupQueries(statement);
  const accounts = accountQueries(statement);
  const containers = containerQueries(statement);
  const views = savedViewQueries(statement);
  const reads = longReads(file, db, changes, options.readThreads ?? 0);
  const checkFile = isMemoryFile(file) ? () => undefined : fileGuard(file);

  /** A write is acknowledged only if the file it went to is still the store's file once it has committed. */
  const write = <T>(run: () => T): T => {
    const answer = run();
    changes.written();
    checkFile();
    return answer;
  };
  const grouped = groupedWrites(db, () => {
    changes.written();
    checkFile();
  });
  const read = async <M extends ReadMethod>(
    method: M,
    args: Parameters<EventReader[M]>,
    options: RunOptions,
  ): Promise<ReturnType<EventReader[M]>> => (await reads.run(method, args, options)).value;

  const store: EventStore & AccountStore & SavedViewStore = {
    ...inProcessSignInFailures(),
    // What the main thread's connection answers at once; checkingFileFirst turns a throw into a rejection.
    organisations: () => Promise.resolve(lookups.organisations()),
    eventTypes: () => Promise.resolve(lookups.eventTypes()),
    isEmpty: () => Promise.resolve(lookups.isEmpty()),
    findUserByUsername: (username) => Promise.resolve(accounts.findUserByUsername(username)),
    findUserById: (id) => Promise.resolve(accounts.findUserById(id)),
    signingSecret: () => Promise.resolve(accounts.signingSecret()),
    startSession: (session, nowMs) => {
      write(() => {
        accounts.startSession(session, nowMs);
      });
      return Promise.resolve();
    },
    sessionUserId: (sessionId) => Promise.resolve(accounts.sessionUserId(sessionId)),
    endSession: (sessionId) => {
      write(() => {
        accounts.endSession(sessionId);
      });
      return Promise.resolve();
    },

    listSavedViews: (ownerId, orgIds) => Promise.resolve(views.list(ownerId, orgIds)),
    findSavedView: (id) => Promise.resolve(views.find(id)),
    createSavedView: (view) => Promise.resolve(write(() => views.create(view))),
    updateSavedView: (id, changes, nowMs) => Promise.resolve(write(() => views.update(id, changes, nowMs))),
    deleteSavedView: (id) => {
      write(() => {
        views.remove(id);
      });
      return Promise.resolve();
    },

    changeVersion: () => Promise.resolve(changes.current()),
    listEvents: (scope, filter, sort, page, { signal } = {}) =>
      read("listEvents", [scope, filter, sort, page], { signal }),
    countEvents: (scope, filter, { signal } = {}) => read("countEvents", [scope, filter], { signal }),
    facetGroups: (scope, filter, fields, { signal } = {}) =>
      read("facetGroups", [scope, filter, fields], { signal }),
    histogram: (scope, filter, buckets, { signal } = {}) =>
      read("histogram", [scope, filter, buckets], { signal }),
    async exportEvents(scope, filter, sort, options = {}) {
      const started = await reads.run("startExport", [scope, filter, sort, options]);
      const { total, exportId } = started.value;
      return { total, csv: exportCsv(reads, started.thread, exportId) };
    },
    latestEventId: () => Promise.resolve(latestEventId(statement)),
    eventsAfter: (scope, filter, afterId, limit, { signal } = {}) =>
      read("eventsAfter", [scope, filter, afterId, limit], { signal }),
    findEvent: (orgIds, eventId) => Promise.resolve(findEvent(statement, orgIds, eventId)),
    insertContainerEvents: (loggedEvents) =>
      grouped.write(() => insertContainerEvents(db, statement, loggedEvents)),

    findContainer: (orgIds, containerId) => Promise.resolve(containers.find(orgIds, containerId)),
    setContainerBlocked: (orgIds, containerId, blocked, event) =>
      grouped.write(() =>
        setContainerBlocked(db, statement, containers, { orgIds, containerId, blocked, event }),
      ),
    listContainers: (orgIds, filter, sort, page, { signal } = {}) =>
      read("listContainers", [orgIds, filter, sort, page], { signal }),

    async seed(world, rows) {
      if (!bulkSeed(db, world, rows)) return false;
      lookups.forget();
      await reads.forget();
      changes.written();
      return true;
    },
    health: () => {
      checkFile();
      return Promise.resolve();
    },
    async close() {
      grouped.flush();
      await reads.close();
      optimizeUnlessReadOnly(db);
      db.close();
    },
  };
  // Every method checks the file before it reads or writes.
  return guardedMethods(store, sqliteUnavailable, checkFile);
}

function longReads(file: string, db: Database.Database, changes: ChangeVersion, threads: number): Reads {
  if (!isMemoryFile(file) && threads > 0) return readThreads(file, threads);
  let exportDb: Database.Database | undefined;
  return readsInPlace(
    eventReader({
      db,
      changes,
      exportConnection: () => (isMemoryFile(file) ? db : (exportDb ??= exportDatabase(file))),
      closeConnections: () => exportDb?.close(),
    }),
  );
}

/** An export's chunks, read on the thread that holds it as the caller asks for them. */
function exportCsv(reads: Reads, thread: number, exportId: number | undefined): EventExport["csv"] {
  let open = exportId !== undefined;
  const done = { done: true, value: undefined } as const;
  return {
    async next() {
      if (!open || exportId === undefined) return done;
      const { value } = await reads.run("exportChunk", [exportId], { thread });
      if (value !== undefined) return { done: false, value };
      open = false;
      return done;
    },
    async return() {
      if (open && exportId !== undefined) {
        open = false;
        await reads.run("endExport", [exportId], { thread }).catch(() => undefined);
      }
      return done;
    },
  };
}

/** `PRAGMA optimize` only refreshes planner statistics: a store on a read-only disk closes cleanly without it. */
function optimizeUnlessReadOnly(db: Database.Database): void {
  try {
    db.pragma("optimize");
  } catch (error) {
    if (!(error instanceof Database.SqliteError && error.code.startsWith("SQLITE_READONLY"))) throw error;
  }
}
