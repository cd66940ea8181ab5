import type pg from "pg";
import type { LoggedEvent } from "../logged-event";

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
 * Stores the events in one statement, all or none, durable once it answers (synchronous commit). The ids
 * come from the sequence as unnest yields the rows, in the order given, so sorted they are the events' ids
 * in that order.
 */
export async function insertContainerEvents(
  pool: pg.Pool,
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
  const inserted = await pool.query<{ id: number }>(insertSql, values);
  if (inserted.rows.length !== events.length) throw new Error("Not every event was stored.");
  return inserted.rows.map((row) => row.id).sort((a, b) => a - b);
}
