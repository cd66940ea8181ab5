import type { Config } from "../config";
import type { AccountStore } from "./account-store";
import type { EventStore } from "./event-store";
import type { SavedViewStore } from "./saved-view-store";
import { openPostgresStore } from "./postgres/postgres-store";
import { openSqliteStore } from "./sqlite/sqlite-store";

export type StoreSettings = Pick<
  Config,
  "db" | "readThreads" | "databaseUrl" | "databasePool" | "retentionDays"
>;

/** The PostgreSQL database of `databaseUrl` when it is set, the SQLite file `db` otherwise. */
export async function openStore(
  settings: StoreSettings,
  now: () => number,
): Promise<EventStore & AccountStore & SavedViewStore> {
  if (settings.databaseUrl === undefined)
    return openSqliteStore(settings.db, { readThreads: settings.readThreads });
  return openPostgresStore(settings.databaseUrl, {
    poolSize: settings.databasePool,
    retentionDays: settings.retentionDays,
    now,
  });
}

/** Where the store lives, for logs: the file, or the database URL without its password. */
export function storeLocation(settings: StoreSettings): string {
  if (settings.databaseUrl === undefined) return settings.db;
  const url = new URL(settings.databaseUrl);
  if (url.password !== "") url.password = "***";
  return url.href;
}
