import type pg from "pg";
import { dayMs } from "../tally-spans";
import { valueTallyTables } from "../value-tallies";
import { tallyTables } from "./event-tallies";

/**
 * Months are partitioned from the oldest seeded or copied event's, at most `monthsBehind` back, to
 * `monthsAhead` past the current one; other events go to `events_default`. Empty partitions are not free:
 * the planner weighs every index of every partition a query cannot prune.
 */
export const monthsBehind = 13;
export const monthsAhead = 1;

export type MonthPartition = { name: string; from: number; until: number };

/** The month partition `offset` months from the month of `nowMs` (UTC), bounds in epoch ms, `until` excluded. */
export function monthPartition(nowMs: number, offset: number): MonthPartition {
  const now = new Date(nowMs);
  const from = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1);
  const until = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset + 1, 1);
  const start = new Date(from);
  const name = `events_${String(start.getUTCFullYear())}_${String(start.getUTCMonth() + 1).padStart(2, "0")}`;
  return { name, from, until };
}

const monthIndex = (ms: number) => {
  const date = new Date(ms);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};

const maintenanceLock = 0x5061_7274;

/**
 * Creates, inside the caller's transaction, the month partitions from `oldestMs`'s month (at most
 * `monthsBehind` back) to `monthsAhead` past `nowMs`'s that do not exist yet. A month whose events already
 * sit in `events_default` (written before its partition existed) keeps them there: the partition is not
 * created, and the events stay correct, only unpruned.
 */
export async function ensureMonthPartitions(
  client: pg.ClientBase,
  nowMs: number,
  oldestMs = nowMs,
): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock($1)", [maintenanceLock]);
  const first = Math.max(-monthsBehind, Math.min(0, monthIndex(oldestMs) - monthIndex(nowMs)));
  for (let offset = first; offset <= monthsAhead; offset++) {
    const { name, from, until } = monthPartition(nowMs, offset);
    await client.query("SAVEPOINT partition");
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF events FOR VALUES FROM (${String(from)}) TO (${String(until)})`,
      );
      await client.query("RELEASE SAVEPOINT partition");
    } catch (error) {
      await client.query("ROLLBACK TO SAVEPOINT partition");
      if ((error as { code?: unknown }).code !== "23514") throw error;
    }
  }
}

/**
 * Drops the month partitions that end by `keepFromMs`, with their tallies and any events of those months
 * in `events_default`: retention by whole months, never row by row. Answers the partitions dropped.
 */
async function dropPartitionsBefore(client: pg.ClientBase, keepFromMs: number): Promise<string[]> {
  const partitions = await client.query<{ name: string; bound: string }>(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass`,
  );
  const expired = partitions.rows
    .map(({ name, bound }) => ({ name, until: Number(/TO \('?(-?\d+)'?\)/.exec(bound)?.[1] ?? NaN) }))
    .filter(({ until }) => until <= keepFromMs);
  if (expired.length === 0) return [];
  const cutoff = Math.max(...expired.map(({ until }) => until));
  for (const { name } of expired) await client.query(`DROP TABLE ${name}`);
  await client.query("DELETE FROM events_default WHERE timestamp < $1", [cutoff]);
  for (const tallies of tallyTables) {
    await client.query(`DELETE FROM ${tallies.table} WHERE ${tallies.column} < $1`, [cutoff / tallies.ms]);
  }
  for (const { table } of valueTallyTables) {
    await client.query(`DELETE FROM ${table} WHERE day < $1`, [cutoff / dayMs]);
  }
  return expired.map(({ name }) => name);
}

/**
 * The partitions' upkeep, run when a server opens the store and every hour after: the current month and the
 * next made, and with a retention the months wholly older than it dropped. One transaction under a lock, so
 * servers sharing the database take turns. Answers the partitions dropped.
 */
export async function maintainPartitions(
  client: pg.ClientBase,
  nowMs: number,
  retentionDays: number | undefined,
): Promise<string[]> {
  await client.query("BEGIN");
  try {
    await ensureMonthPartitions(client, nowMs);
    const dropped =
      retentionDays === undefined ? [] : await dropPartitionsBefore(client, nowMs - retentionDays * dayMs);
    await client.query("COMMIT");
    return dropped;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
