import type pg from "pg";
import type { LoggedEvent } from "../logged-event";
import { inTransaction } from "./in-transaction";

const columns = [
  ["timestamp", "bigint"],
  ["type_id", "int"],
  ["source_id", "int"],
  ["severity_id", "int"],
  ["alert", "boolean"],
  ["status", "text"],
  ["description", "text"],
  ["organisation_id", "int"],
  ["user_id", "int"],
  ["container_id", "text"],
  ["reason", "text"],
  ["client_ip", "text"],
] as const;

const insertSql =
  `INSERT INTO events (${columns.map(([name]) => name).join(", ")}, org_rank) ` +
  `SELECT x.*, (SELECT name_rank FROM organisations o WHERE o.id = x.organisation_id) ` +
  `FROM unnest(${columns.map(([, type], i) => `$${String(i + 1)}::${type}[]`).join(", ")}) ` +
  `AS x (${columns.map(([name]) => name).join(", ")}) RETURNING id`;

/**
 * Any number that keys the lock every event insert takes, on every server sharing the database. Holding it
 * from before the ids are drawn until the commit makes transactions commit in id order: without it, one that
 * drew id 10 could commit after one that drew id 11, and a live stream that had read up to 11 would never
 * send 10 (docs/decisions/0006-live-events.md).
 */
const eventIdOrderLock = 0x4576_6964;

/**
 * Stores the events in one transaction, all or none, durable once it answers (synchronous commit), and
 * answers their ids in the order given.
 */
export function insertContainerEvents(pool: pg.Pool, events: readonly LoggedEvent[]): Promise<number[]> {
  return inTransaction(pool, (client) => insertEventsInOrder(client, events));
}

/**
 * Inserts the events within the client's open transaction, after taking the id-order lock, which it holds
 * until that transaction ends. The ids come from the sequence as unnest yields the rows, in the order given,
 * so sorted they are the events' ids in that order.
 */
export async function insertEventsInOrder(
  client: pg.ClientBase,
  events: readonly LoggedEvent[],
): Promise<number[]> {
  const values = [
    events.map((e) => e.timestampMs),
    events.map((e) => e.typeId),
    events.map((e) => e.sourceId),
    events.map((e) => e.severityId),
    events.map((e) => e.alert),
    events.map((e) => e.status),
    events.map((e) => e.description),
    events.map((e) => e.organisationId),
    events.map((e) => e.userId),
    events.map((e) => e.containerId),
    events.map((e) => e.reason),
    events.map((e) => e.clientIp),
  ];
  await client.query("SELECT pg_advisory_xact_lock($1)", [eventIdOrderLock]);
  const inserted = await client.query<{ id: number }>(insertSql, values);
  if (inserted.rows.length !== events.length) throw new Error("Not every event was stored.");
  return inserted.rows.map((row) => row.id).sort((a, b) => a - b);
}
