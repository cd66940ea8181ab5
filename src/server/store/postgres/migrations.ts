import type pg from "pg";
import {
  containerEventTypeIds,
  containerEventTypes,
  eventSeverities,
  eventSources,
} from "../../../contract/catalogue";
import { hourTalliesSchemaSql, talliesSchemaSql, valueTalliesSchemaSql } from "./event-tallies";

/** Columns a sort may name, with whether they can be null: see `sortIndexesSql`. */
const sortKeys = [
  ["type", "type_id", false],
  ["source", "source_id", false],
  ["severity", "severity_id", false],
  ["alert", "alert", false],
  ["user", "user_id", true],
  ["endpoint", "endpoint_rank", true],
  ["tags", "tags_rank", true],
  ["ip", "ip_rank", true],
  ["iccid", "iccid_rank", true],
  ["imsi", "imsi_rank", true],
] as const;

/**
 * Two indexes per sort key, so a page of any sort is read in order from one organisation's index range and
 * stops after the page: a list is ordered by the key (nulls last both ways), then by id descending. A key
 * that cannot be null is served descending by `(key, id)` read backwards; the others need the order as
 * written.
 */
const sortIndexesSql = [
  "DROP INDEX events_org_source, events_org_severity, events_org_endpoint, events_org_ip;",
  ...sortKeys.flatMap(([name, column, nullable]) => [
    `CREATE INDEX events_org_${name}_asc ON events (organisation_id, ${column}${nullable ? " ASC NULLS LAST" : ""}, id DESC);`,
    `CREATE INDEX events_org_${name}_desc ON events (organisation_id, ${column}${nullable ? " DESC NULLS LAST, id DESC" : ", id"});`,
  ]),
].join("\n");

/**
 * The schema, one entry per version; `schema_version` records how many have run. Never edit an entry that
 * has shipped: append a new one. The design is in docs/decisions/0004-postgresql-store.md:
 * - Events are partitioned by month of `timestamp` (epoch ms, as in SQLite, so both backends write the same
 *   ISO text); `events_default` holds what falls outside the months created ahead (`partitions.ts`).
 * - Names that events sort by are ranked (dense rank in byte order, as SQLite's BINARY collation) and the
 *   ranks are kept on the event row, so a sort by endpoint or organisation reads an index.
 * - Case-insensitive matching folds ASCII only (`ascii_lower`), as SQLite's lower() does, so a filter finds
 *   the same events on both backends; `pg_trgm` indexes the folded description for substring filters.
 */
export const migrations: readonly string[] = [
  `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE FUNCTION ascii_lower(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN translate($1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');

  CREATE TABLE organisations (
    id integer PRIMARY KEY,
    name text NOT NULL,
    parent_id integer REFERENCES organisations (id),
    name_rank integer NOT NULL DEFAULT 0
  );
  CREATE TABLE users (
    id integer PRIMARY KEY,
    username text NOT NULL,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'support')),
    organisation_id integer NOT NULL REFERENCES organisations (id),
    password_hash text NOT NULL
  );
  CREATE UNIQUE INDEX users_username ON users (ascii_lower(username));
  CREATE TABLE event_types (id integer PRIMARY KEY, description text NOT NULL);
  CREATE TABLE event_sources (id integer PRIMARY KEY, description text NOT NULL);
  CREATE TABLE event_severities (id integer PRIMARY KEY, description text NOT NULL);
  CREATE TABLE endpoints (
    id integer PRIMARY KEY,
    organisation_id integer NOT NULL REFERENCES organisations (id),
    name text NOT NULL,
    tags text NOT NULL,
    ip_address text NOT NULL,
    imei text NOT NULL,
    name_rank integer NOT NULL DEFAULT 0,
    tags_rank integer NOT NULL DEFAULT 0,
    ip_rank integer NOT NULL DEFAULT 0
  );
  CREATE INDEX endpoints_imei ON endpoints (imei);
  CREATE TABLE sims (
    id integer PRIMARY KEY,
    organisation_id integer NOT NULL REFERENCES organisations (id),
    iccid text NOT NULL,
    iccid_rank integer NOT NULL DEFAULT 0
  );
  CREATE INDEX sims_iccid ON sims (iccid);
  CREATE TABLE imsis (
    id integer PRIMARY KEY,
    organisation_id integer NOT NULL REFERENCES organisations (id),
    imsi text NOT NULL,
    imsi_rank integer NOT NULL DEFAULT 0
  );
  CREATE INDEX imsis_imsi ON imsis (imsi);
  CREATE TABLE containers (
    id text PRIMARY KEY,
    organisation_id integer NOT NULL REFERENCES organisations (id),
    name text NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint,
    blocked boolean NOT NULL
  );
  CREATE INDEX containers_org_name ON containers (organisation_id, name);

  CREATE SEQUENCE events_id_seq AS bigint;
  CREATE TABLE events (
    id bigint NOT NULL DEFAULT nextval('events_id_seq'),
    timestamp bigint NOT NULL,
    type_id integer NOT NULL,
    source_id integer NOT NULL,
    severity_id integer NOT NULL,
    alert boolean NOT NULL,
    status text CHECK (status IN ('SUCCESS', 'FAILURE')),
    description text NOT NULL,
    organisation_id integer NOT NULL,
    user_id integer,
    endpoint_id integer,
    sim_id integer,
    imsi_id integer,
    container_id text,
    org_rank integer NOT NULL,
    endpoint_rank integer,
    tags_rank integer,
    ip_rank integer,
    iccid_rank integer,
    imsi_rank integer,
    PRIMARY KEY (id, timestamp)
  ) PARTITION BY RANGE (timestamp);
  ALTER SEQUENCE events_id_seq OWNED BY events.id;
  CREATE TABLE events_default PARTITION OF events DEFAULT;

  CREATE INDEX events_org_id ON events (organisation_id, id);
  CREATE INDEX events_org_ts ON events (organisation_id, timestamp, id);
  CREATE INDEX events_org_type_ts ON events (organisation_id, type_id, timestamp, id);
  CREATE INDEX events_org_status_ts ON events (organisation_id, status, timestamp, id) WHERE status IS NOT NULL;
  CREATE INDEX events_org_source ON events (organisation_id, source_id, id);
  CREATE INDEX events_org_severity ON events (organisation_id, severity_id, id);
  CREATE INDEX events_org_user_ts ON events (organisation_id, user_id, timestamp);
  CREATE INDEX events_org_endpoint ON events (organisation_id, endpoint_rank, id);
  CREATE INDEX events_org_ip ON events (organisation_id, ip_rank, id);
  CREATE INDEX events_container_ts ON events (container_id, timestamp, id) WHERE container_id IS NOT NULL;
  CREATE INDEX events_description_trgm ON events USING gin (ascii_lower(description) gin_trgm_ops);

  CREATE TABLE sessions (
    id text PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at bigint NOT NULL
  );
  CREATE INDEX sessions_expires_at ON sessions (expires_at);
  CREATE TABLE settings (key text PRIMARY KEY, value bytea NOT NULL);
  `,
  talliesSchemaSql,
  // Sign-in failures per username, shared by every server (sign-in-failures.ts).
  `
  CREATE TABLE sign_in_failures (
    key text PRIMARY KEY,
    failures bigint[] NOT NULL,
    locked_until bigint NOT NULL
  );
  `,
  sortIndexesSql,
  // The same folding, 30 times faster: lower() under the C collation changes ASCII letters only, where
  // translate() walks its character lists for every character. Indexes on it stay valid: every value is the same.
  `
  CREATE OR REPLACE FUNCTION ascii_lower(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN lower($1 COLLATE "C");
  `,
  // Why a container access failed and where from (null on other events): nullable columns are added without
  // rewriting a partition. The exact filters and their counts read partial indexes of the rows with a value.
  `
  ALTER TABLE events ADD COLUMN reason text, ADD COLUMN client_ip text;
  CREATE INDEX events_org_reason ON events (organisation_id, reason, id) WHERE reason IS NOT NULL;
  CREATE INDEX events_org_client_ip ON events (organisation_id, client_ip, id) WHERE client_ip IS NOT NULL;
  `,
  // Saved views: a name is unique per owner, which the unique index decides (a 409 on the API).
  `
  CREATE TABLE saved_views (
    id text PRIMARY KEY,
    owner_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id integer NOT NULL REFERENCES organisations (id),
    name text NOT NULL,
    path text NOT NULL,
    query text NOT NULL,
    shared boolean NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
  );
  CREATE UNIQUE INDEX saved_views_owner_name ON saved_views (owner_id, name);
  CREATE INDEX saved_views_org_shared ON saved_views (organisation_id) WHERE shared;
  `,
  // Histograms and a range's partial days read hour tallies instead of the events (ADR 0010).
  hourTalliesSchemaSql,
  // Facets of user, container, reason and client address under tallied filters read these (ADR 0011).
  valueTalliesSchemaSql,
];

/** Rows every store needs whatever world is seeded: sources, severities and the container event types. */
async function catalogueRows(client: pg.ClientBase): Promise<void> {
  const rows = (table: string, entries: readonly { id: number; description: string }[]) =>
    client.query(
      `INSERT INTO ${table} (id, description) SELECT * FROM unnest($1::int[], $2::text[])
       ON CONFLICT (id) DO UPDATE SET description = excluded.description`,
      [entries.map((entry) => entry.id), entries.map((entry) => entry.description)],
    );
  await rows("event_sources", eventSources);
  await rows("event_severities", eventSeverities);
  await rows(
    "event_types",
    containerEventTypes.map((name) => ({ id: containerEventTypeIds[name], description: name })),
  );
}

/** Any number that keys the lock two servers take before migrating the same database. */
const migrationLock = 0x4576_6e74;

/**
 * Brings the schema up to date, each step in a transaction of its own. The steps run under an advisory lock,
 * so of two servers starting on one new database one migrates and the other then finds nothing to do.
 */
export async function applyMigrations(client: pg.ClientBase): Promise<void> {
  await client.query("SELECT pg_advisory_lock($1)", [migrationLock]);
  try {
    await client.query("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)");
    await client.query("INSERT INTO schema_version SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version)");
    const read = await client.query<{ version: number }>("SELECT version FROM schema_version");
    const current = read.rows[0]?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(
        `The database has schema version ${current}; this EventDesk knows up to ${migrations.length}.`,
      );
    }
    for (let version = current; version < migrations.length; version++) {
      await client.query("BEGIN");
      try {
        await client.query(migrations[version] ?? "");
        if (version === 0) await catalogueRows(client);
        await client.query("UPDATE schema_version SET version = $1", [version + 1]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [migrationLock]);
  }
}
