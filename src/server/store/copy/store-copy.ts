import pg from "pg";
import { openPostgresStore } from "../postgres/postgres-store";
import { eventsTable, worldTables } from "./copied-tables";
import { copyIntoPostgres, type CopyReport } from "./copy-into-postgres";
import { openSqliteSnapshot } from "./sqlite-snapshot";
import { tableColumns, type TableColumns } from "./table-columns";
import { verifyCopy, type TableCheck } from "./verify-copy";

export type StoreCopyResult = {
  /** Rows copied per table. */
  copied: Record<string, number>;
  copySeconds: number;
  verifySeconds: number;
  checks: TableCheck[];
};

const silent: CopyReport = {
  step: () => undefined,
  progress: () => ({ update: () => undefined, finish: () => undefined }),
};

const secondsSince = (started: number) => (performance.now() - started) / 1000;

/**
 * Copies the SQLite store in file `from` into the empty PostgreSQL database at `to` (its schema made or
 * brought up to date first), then verifies the copy against the same SQLite snapshot.
 */
export async function storeCopy(
  from: string,
  to: string,
  report: CopyReport = silent,
): Promise<StoreCopyResult> {
  const source = openSqliteSnapshot(from);
  try {
    report.step("Preparing the PostgreSQL schema…");
    await (await openPostgresStore(to)).close();
    const client = new pg.Client({ connectionString: to });
    // A connection lost between queries fails the next one, which reports it.
    client.on("error", () => undefined);
    await client.connect();
    try {
      await client.query("SET statement_timeout = 0");
      const world: TableColumns[] = [];
      for (const table of worldTables) world.push(await tableColumns(source, client, table));
      const events = await tableColumns(source, client, eventsTable);
      const started = performance.now();
      const copied = await copyIntoPostgres(source, client, world, events, report);
      const copySeconds = secondsSince(started);
      report.step("Verifying: every table read on both sides…");
      const verifyStarted = performance.now();
      const checks = await verifyCopy(source, client, [...world, events]);
      return { copied, copySeconds, verifySeconds: secondsSince(verifyStarted), checks };
    } finally {
      await client.end();
    }
  } finally {
    source.close();
  }
}
