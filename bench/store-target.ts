import { join } from "node:path";
import pg from "pg";
import type { AccountStore } from "../src/server/store/account-store";
import type { EventStore } from "../src/server/store/event-store";
import { openPostgresStore } from "../src/server/store/postgres/postgres-store";
import { openSqliteStore } from "../src/server/store/sqlite/sqlite-store";
import { machine } from "./machine";

/** Where the bench's server keeps its data: a SQLite file (`--db`), or a PostgreSQL database (`--database-url`). */
export type StoreTarget = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export type BenchStore = EventStore & AccountStore;

/** What the report names: the backend, its version and where the data is (a URL without its password). */
export type DatabaseFacts = { backend: "SQLite" | "PostgreSQL"; version: string; location: string };

/** The store in this process, as the server opens it (SQLite: every read on this thread). */
export async function openTarget(target: StoreTarget): Promise<BenchStore> {
  return target.kind === "sqlite" ? openSqliteStore(target.file) : openPostgresStore(target.url);
}

/** The server's environment variables that point it at the target (an empty variable counts as unset). */
export function targetEnv(target: StoreTarget): Record<string, string> {
  return target.kind === "sqlite"
    ? { EVENTDESK_DB: target.file, EVENTDESK_DATABASE_URL: "" }
    : { EVENTDESK_DATABASE_URL: target.url };
}

export function targetLocation(target: StoreTarget): string {
  if (target.kind === "sqlite") return target.file;
  const url = new URL(target.url);
  if (url.password !== "") url.password = "***";
  return url.href;
}

export async function databaseFacts(target: StoreTarget): Promise<DatabaseFacts> {
  const location = targetLocation(target);
  if (target.kind === "sqlite") return { backend: "SQLite", version: machine().sqlite, location };
  const version = await withPostgres(target.url, async (client) => {
    const answer = await client.query<{ server_version: string }>("SHOW server_version");
    return answer.rows[0]?.server_version ?? "unknown";
  });
  return { backend: "PostgreSQL", version, location };
}

/** One plain connection to `url` for `run` (the bench's own questions, outside the store's pool). */
export async function withPostgres<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** `--database-url` when given, else `--db`, else a new file in the bench's temporary folder. */
export function storeTarget(
  options: { db: string | undefined; databaseUrl: string | undefined },
  work: string,
): StoreTarget {
  return options.databaseUrl === undefined
    ? { kind: "sqlite", file: options.db ?? join(work, "eventdesk.db") }
    : { kind: "postgres", url: options.databaseUrl };
}
