import type pg from "pg";
import { addToTalliesSql, addToValueTalliesSql, tallyTables } from "../postgres/event-tallies";
import { valueTallyTables } from "../value-tallies";
import { copyRows } from "./copy-rows";
import { dropEventIndexes } from "../postgres/event-indexes";
import { ensureMonthPartitions } from "../postgres/partitions";
import type { Progress } from "./progress";
import type { SqliteSnapshot } from "./sqlite-snapshot";
import { selectRows, type TableColumns } from "./table-columns";

/** The target already holds a world: the copy writes nothing (it neither merges nor resumes). */
export class TargetNotEmptyError extends Error {}

/** What the copy tells while it works: the step it starts, and the events' progress. */
export type CopyReport = { step(message: string): void; progress(total: number): Progress };

const eventBatchRows = 20_000;

async function refuseUnlessEmpty(client: pg.Client): Promise<void> {
  // Held to the end: a server seeding this database meanwhile waits for the copy, then finds it full.
  await client.query("LOCK TABLE organisations IN SHARE ROW EXCLUSIVE MODE");
  const held = await client.query<{ organisations: string; events: boolean }>(
    "SELECT (SELECT count(*) FROM organisations) AS organisations, EXISTS (SELECT 1 FROM events) AS events",
  );
  const { organisations, events } = held.rows[0] ?? { organisations: "0", events: false };
  if (organisations !== "0" || events) {
    throw new TargetNotEmptyError(
      `The target database already holds data (${organisations} organisations${events ? ", and events" : ""}). ` +
        "store:copy copies only into an empty database, and does not merge or resume: create a new database " +
        "(createdb), or drop and recreate this one, and run the copy again.",
    );
  }
}

/**
 * Copies the events with their ids, indexes dropped and the tally triggers off meanwhile; then rebuilds the
 * indexes, counts the tallies from the events in one pass, and sets the id sequence past the copied ids.
 */
async function copyEvents(
  source: SqliteSnapshot,
  client: pg.Client,
  events: TableColumns,
  report: CopyReport,
  nowMs: number,
): Promise<number> {
  const oldest = source.value("SELECT min(timestamp) FROM events");
  await ensureMonthPartitions(client, nowMs, typeof oldest === "number" ? oldest : nowMs);
  const rebuildIndexes = await dropEventIndexes(client);
  const triggers = [...tallyTables, ...valueTallyTables].map(({ trigger }) => trigger);
  for (const trigger of triggers) await client.query(`ALTER TABLE events DISABLE TRIGGER ${trigger}`);
  const progress = report.progress(source.count(events.name));
  const rows = source.rows(selectRows(events));
  const copied = await copyRows(client, events.name, events.columns, rows, eventBatchRows, progress.update);
  progress.finish();
  report.step("Building the events' indexes…");
  await rebuildIndexes();
  for (const trigger of triggers) await client.query(`ALTER TABLE events ENABLE TRIGGER ${trigger}`);
  report.step("Counting the event tallies…");
  for (const tallies of tallyTables) {
    await client.query(`DELETE FROM ${tallies.table}`);
    await client.query(addToTalliesSql("events", tallies));
  }
  for (const tallies of valueTallyTables) {
    await client.query(`DELETE FROM ${tallies.table}`);
    await client.query(addToValueTalliesSql("events", tallies));
  }
  await client.query("SELECT setval('events_id_seq', coalesce(max(id), 1), max(id) IS NOT NULL) FROM events");
  return copied;
}

/**
 * Copies the snapshot's tables into the target in one transaction: all of it commits, or (an error, an
 * interrupted copy) none of it. Refuses, writing nothing, when the target is not empty. Answers the rows
 * copied per table.
 */
export async function copyIntoPostgres(
  source: SqliteSnapshot,
  client: pg.Client,
  world: readonly TableColumns[],
  events: TableColumns,
  report: CopyReport,
): Promise<Record<string, number>> {
  const copied: Record<string, number> = {};
  await client.query("BEGIN");
  try {
    await refuseUnlessEmpty(client);
    report.step("Copying organisations, accounts, sessions, settings and lookups…");
    for (const table of world) {
      if (table.replace) await client.query(`DELETE FROM ${table.name}`);
      copied[table.name] = await copyRows(
        client,
        table.name,
        table.columns,
        source.rows(selectRows(table)),
        Infinity,
      );
    }
    copied[events.name] = await copyEvents(source, client, events, report, Date.now());
    report.step("Committing…");
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  report.step("Analyzing…");
  await client.query("ANALYZE");
  return copied;
}
