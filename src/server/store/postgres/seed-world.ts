import type pg from "pg";
import { eventSeverities, eventSources } from "../../../contract/catalogue";
import type { DemoWorld, EventRow } from "../event-row";
import {
  seededEventColumns,
  seededEventValues,
  type KnownIds,
  type WorldRanks,
} from "../seeded-event-values";
import { copyRows } from "../copy/copy-rows";
import type { Column } from "../copy/table-columns";
import { dropEventIndexes } from "./event-indexes";
import { ensureMonthPartitions } from "./partitions";

const seedLock = 0x5365_6564;

async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: string,
  types: string[],
  rows: unknown[][],
) {
  if (rows.length === 0) return;
  const arrays = types.map((_, i) => rows.map((row) => row[i]));
  await client.query(
    `INSERT INTO ${table} (${columns}) SELECT * FROM unnest(${types.map((type, i) => `$${String(i + 1)}::${type}[]`).join(", ")})`,
    arrays,
  );
}

async function insertWorld(client: pg.ClientBase, world: DemoWorld): Promise<void> {
  await insertRows(
    client,
    "organisations",
    "id, name, parent_id",
    ["int", "text", "int"],
    world.organisations.map((o) => [o.id, o.name, o.parentId]),
  );
  await insertRows(
    client,
    "users",
    "id, username, name, role, organisation_id, password_hash",
    ["int", "text", "text", "text", "int", "text"],
    world.users.map((u) => [u.id, u.username, u.name, u.role, u.organisationId, u.passwordHash]),
  );
  await client.query(
    `INSERT INTO event_types (id, description) SELECT * FROM unnest($1::int[], $2::text[])
     ON CONFLICT (id) DO UPDATE SET description = excluded.description`,
    [world.eventTypes.map((t) => t.id), world.eventTypes.map((t) => t.description)],
  );
  await insertRows(
    client,
    "endpoints",
    "id, organisation_id, name, tags, ip_address, imei",
    ["int", "int", "text", "text", "text", "text"],
    world.endpoints.map((e) => [e.id, e.organisationId, e.name, e.tags, e.ipAddress, e.imei]),
  );
  await insertRows(
    client,
    "sims",
    "id, organisation_id, iccid",
    ["int", "int", "text"],
    world.sims.map((s) => [s.id, s.organisationId, s.iccid]),
  );
  await insertRows(
    client,
    "imsis",
    "id, organisation_id, imsi",
    ["int", "int", "text"],
    world.imsis.map((i) => [i.id, i.organisationId, i.imsi]),
  );
  await insertRows(
    client,
    "containers",
    "id, organisation_id, name, created_at, expires_at, blocked",
    ["text", "int", "text", "bigint", "bigint", "boolean"],
    world.containers.map((c) => [c.id, c.organisationId, c.name, c.createdAtMs, c.expiresAtMs, c.blocked]),
  );
}

/** Dense ranks of the names `events` sorts by, in byte order (SQLite's BINARY collation). */
async function computeRanks(client: pg.ClientBase): Promise<WorldRanks> {
  for (const [table, column, target] of [
    ["organisations", "name", "name_rank"],
    ["endpoints", "name", "name_rank"],
    ["endpoints", "tags", "tags_rank"],
    ["endpoints", "ip_address", "ip_rank"],
    ["sims", "iccid", "iccid_rank"],
    ["imsis", "imsi", "imsi_rank"],
  ] as const) {
    await client.query(
      `UPDATE ${table} SET ${target} = r.n FROM (SELECT id, dense_rank() OVER (ORDER BY ${column} COLLATE "C") AS n FROM ${table}) AS r WHERE r.id = ${table}.id`,
    );
  }
  const pairs = async (sql: string) =>
    new Map((await client.query<{ id: number; rank: number }>(sql)).rows.map((row) => [row.id, row.rank]));
  const endpoints = await client.query<{ id: number; name: number; tags: number; ip: number }>(
    "SELECT id, name_rank AS name, tags_rank AS tags, ip_rank AS ip FROM endpoints",
  );
  return {
    org: await pairs("SELECT id, name_rank AS rank FROM organisations"),
    endpoint: new Map(endpoints.rows.map(({ id, name, tags, ip }) => [id, { name, tags, ip }])),
    sim: await pairs("SELECT id, iccid_rank AS rank FROM sims"),
    imsi: await pairs("SELECT id, imsi_rank AS rank FROM imsis"),
  };
}

/** The seeded columns as COPY writes them (alert as 0 or 1, as a SQLite row holds it). */
const eventColumns: Column[] = seededEventColumns.split(", ").map((name) => ({
  name,
  kind:
    name === "alert"
      ? "boolean"
      : ["status", "description", "container_id", "reason", "client_ip"].includes(name)
        ? "text"
        : "integer",
}));

/** Streams the events through COPY, checking each one's references on the way (there are no foreign keys). */
async function copyEvents(
  client: pg.ClientBase,
  world: DemoWorld,
  ranks: WorldRanks,
  events: Iterable<EventRow>,
): Promise<void> {
  const known: KnownIds = {
    user: new Set<number | string>(world.users.map((u) => u.id)),
    type: new Set<number | string>(
      (await client.query<{ id: number }>("SELECT id FROM event_types")).rows.map((row) => row.id),
    ),
    source: new Set<number | string>(eventSources.map((s) => s.id)),
    severity: new Set<number | string>(eventSeverities.map((s) => s.id)),
    container: new Set<number | string>(world.containers.map((c) => c.id)),
  };
  function* rows(): Generator<unknown[]> {
    for (const e of events) {
      const values = seededEventValues(e, ranks, known);
      values[4] = e.alert ? 1 : 0;
      yield values;
    }
  }
  await copyRows(client, "events", eventColumns, rows(), Number.MAX_SAFE_INTEGER);
}

/** The events again, the first of them read already: it names the oldest month when they come oldest first. */
function* withFirst(first: IteratorResult<EventRow>, rest: Iterator<EventRow>): Generator<EventRow> {
  for (let next = first; next.done !== true; next = rest.next()) yield next.value;
}

/**
 * Loads a world and its events into an empty store in one transaction (a failed seed leaves it empty);
 * answers false, having written nothing, when the store already holds a world. Of two servers seeding one
 * new database, the second waits for the first's lock and then finds the world there. Months are
 * partitioned from the first event's (demo events come oldest first) to `nowMs`'s.
 */
export async function seedWorld(
  client: pg.ClientBase,
  world: DemoWorld,
  events: Iterable<EventRow>,
  nowMs: number,
): Promise<boolean> {
  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL statement_timeout = 0");
    // The index builds after the load sort in memory this large (the trigram index above all).
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    await client.query("SELECT pg_advisory_xact_lock($1)", [seedLock]);
    const existing = await client.query("SELECT 1 FROM organisations LIMIT 1");
    if (existing.rowCount !== 0) {
      await client.query("ROLLBACK");
      return false;
    }
    await insertWorld(client, world);
    const rest = events[Symbol.iterator]();
    const first = rest.next();
    await ensureMonthPartitions(client, nowMs, first.done === true ? nowMs : first.value.timestampMs);
    const rebuildIndexes = await dropEventIndexes(client);
    await copyEvents(client, world, await computeRanks(client), withFirst(first, rest));
    await rebuildIndexes();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  await client.query("ANALYZE");
  return true;
}
