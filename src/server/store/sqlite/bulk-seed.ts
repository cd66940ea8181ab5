import type Database from "better-sqlite3";
import type { DemoWorld, EventRow } from "../event-row";
import {
  seededEventColumns,
  seededEventValues,
  type KnownIds,
  type WorldRanks,
} from "../seeded-event-values";
import { fillDayTalliesSql, fillHourTalliesSql, fillTalliesSql, fillValueTalliesSqls } from "./event-tallies";
import { withWriteLock } from "./write-lock";

function insertWorld(db: Database.Database, world: DemoWorld): void {
  const insert = (sql: string, rows: readonly unknown[][]) => {
    const statement = db.prepare(sql);
    for (const row of rows) statement.run(...row);
  };
  insert(
    "INSERT INTO organisations (id, name, parent_id) VALUES (?, ?, ?)",
    world.organisations.map((o) => [o.id, o.name, o.parentId]),
  );
  insert(
    "INSERT INTO users (id, username, name, role, organisation_id, password_hash) VALUES (?, ?, ?, ?, ?, ?)",
    world.users.map((u) => [u.id, u.username, u.name, u.role, u.organisationId, u.passwordHash]),
  );
  insert(
    "INSERT OR REPLACE INTO event_types (id, description) VALUES (?, ?)",
    world.eventTypes.map((t) => [t.id, t.description]),
  );
  insert(
    "INSERT INTO endpoints (id, organisation_id, name, tags, ip_address, imei) VALUES (?, ?, ?, ?, ?, ?)",
    world.endpoints.map((e) => [e.id, e.organisationId, e.name, e.tags, e.ipAddress, e.imei]),
  );
  insert(
    "INSERT INTO sims (id, organisation_id, iccid) VALUES (?, ?, ?)",
    world.sims.map((s) => [s.id, s.organisationId, s.iccid]),
  );
  insert(
    "INSERT INTO imsis (id, organisation_id, imsi) VALUES (?, ?, ?)",
    world.imsis.map((i) => [i.id, i.organisationId, i.imsi]),
  );
  insert(
    "INSERT INTO containers (id, organisation_id, name, created_at, expires_at, blocked) VALUES (?, ?, ?, ?, ?, ?)",
    world.containers.map((c) => [
      c.id,
      c.organisationId,
      c.name,
      c.createdAtMs,
      c.expiresAtMs,
      Number(c.blocked),
    ]),
  );
}

/** Dense ranks of the names `events` sorts by (BINARY collation, as ORDER BY name would sort). */
function computeRanks(db: Database.Database): WorldRanks {
  const rank = (table: string, column: string, target: string) =>
    db.exec(
      `UPDATE ${table} SET ${target} = r.n FROM (SELECT id, dense_rank() OVER (ORDER BY ${column}) AS n FROM ${table}) AS r WHERE r.id = ${table}.id`,
    );
  rank("organisations", "name", "name_rank");
  rank("endpoints", "name", "name_rank");
  rank("endpoints", "tags", "tags_rank");
  rank("endpoints", "ip_address", "ip_rank");
  rank("sims", "iccid", "iccid_rank");
  rank("imsis", "imsi", "imsi_rank");
  const pairs = (sql: string) => new Map(db.prepare(sql).raw(true).all() as [number, number][]);
  const endpointRows = db
    .prepare("SELECT id, name_rank, tags_rank, ip_rank FROM endpoints")
    .raw(true)
    .all() as [number, number, number, number][];
  return {
    org: pairs("SELECT id, name_rank FROM organisations"),
    endpoint: new Map(endpointRows.map(([id, name, tags, ip]) => [id, { name, tags, ip }])),
    sim: pairs("SELECT id, iccid_rank FROM sims"),
    imsi: pairs("SELECT id, imsi_rank FROM imsis"),
  };
}

function insertEvents(db: Database.Database, ranks: WorldRanks, events: Iterable<EventRow>): void {
  const ids = (table: string) =>
    new Set(db.prepare(`SELECT id FROM ${table}`).pluck().all() as (number | string)[]);
  const known: KnownIds = {
    user: ids("users"),
    type: ids("event_types"),
    source: ids("event_sources"),
    severity: ids("event_severities"),
    container: ids("containers"),
  };
  const insert = db.prepare(
    `INSERT INTO events (${seededEventColumns}) VALUES (${seededEventColumns
      .split(",")
      .map(() => "?")
      .join(", ")})`,
  );
  for (const e of events) {
    const values = seededEventValues(e, ranks, known);
    // SQLite has no booleans: alert is 0 or 1.
    values[4] = e.alert ? 1 : 0;
    insert.run(...values);
  }
}

/**
 * Loads a world and its events into an empty store in one transaction, so a failed seed leaves the store
 * empty; answers false, having written nothing, when the store already holds a world. The events' indexes and triggers (full text, tallies) are dropped for the load and rebuilt after it: building
 * each B-tree once from sorted keys beat inserting into all 24 row by row twelvefold (300k events: 9.5 s
 * against 117 s).
 */
export function bulkSeed(db: Database.Database, world: DemoWorld, events: Iterable<EventRow>): boolean {
  const derived = db
    .prepare(
      "SELECT name, sql FROM sqlite_schema WHERE tbl_name = 'events' AND type IN ('index', 'trigger') AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  const cacheSize = db.pragma("cache_size", { simple: true }) as number;
  db.pragma("foreign_keys = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("threads = 2");
  // Index builds slow down two- to threefold once the transaction's pages outgrow the cache (measured at 1M).
  db.pragma("cache_size = -262144");
  let seeded: boolean;
  try {
    // The emptiness check inside the write lock: of two processes starting on one new store, one seeds
    // and the other waits for it, then finds the world there.
    seeded = withWriteLock(db, () => {
      if (db.prepare("SELECT count(*) FROM organisations").pluck().get() !== 0) return false;
      insertWorld(db, world);
      const ranks = computeRanks(db);
      for (const { name, sql } of derived) {
        db.exec(sql.startsWith("CREATE TRIGGER") ? `DROP TRIGGER ${name}` : `DROP INDEX ${name}`);
      }
      insertEvents(db, ranks, events);
      for (const { sql } of derived) if (!sql.startsWith("CREATE TRIGGER")) db.exec(sql);
      db.exec("INSERT INTO events_fts (events_fts) VALUES ('rebuild')");
      db.exec(fillTalliesSql);
      db.exec(fillDayTalliesSql);
      db.exec(fillHourTalliesSql);
      for (const sql of fillValueTalliesSqls) db.exec(sql);
      for (const { sql } of derived) if (sql.startsWith("CREATE TRIGGER")) db.exec(sql);
      return true;
    });
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
  }
  if (!seeded) return false;
  // Full statistics (about 3 s at 1M rows): sampled ones only see the first organisation of each index,
  // and the planner then prefers an organisation range over the container index.
  db.pragma("analysis_limit = 0");
  db.exec("ANALYZE");
  db.pragma("wal_checkpoint(TRUNCATE)");
  return true;
}
