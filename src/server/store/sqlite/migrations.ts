import type Database from "better-sqlite3";
import {
  containerEventTypeIds,
  containerEventTypes,
  eventSeverities,
  eventSources,
} from "../../../contract/catalogue";
import {
  dayTalliesSchemaSql,
  hourTalliesSchemaSql,
  talliesSchemaSql,
  valueTalliesSchemaSql,
} from "./event-tallies";
import { withWriteLock } from "./write-lock";

/**
 * The schema, one entry per version; `PRAGMA user_version` records how many have run. Never edit an entry
 * that has shipped: append a new one.
 *
 * Design notes (sized for a million events):
 * - `events` keeps integer ids and epoch-millisecond timestamps; names live in small lookup tables.
 * - Sorting by a joined name (organisation, endpoint, tags, ip_address, iccid, imsi) cannot use an index on
 *   `events` unless the key is on the row, so each row carries the *rank* of that name (a dense rank in
 *   BINARY collation, computed when the lookup tables are written). A rank is one or two bytes where the
 *   text would be twenty, so the table and its indexes stay small; the lookup tables only change when a
 *   world is seeded, which recomputes the ranks (see `bulk-seed.ts`).
 * - Every index starts with `organisation_id`: a list reads an organisation's reach, and the query compiler
 *   walks one index range per organisation and merges them (`compile-event-query.ts`).
 * - Each sort key has two indexes: `(org, key)` read backwards gives `key DESC, id DESC` (the rowid is the
 *   implicit last column) and `(org, key [IS NULL], key, id DESC)` gives `key ASC NULLS LAST, id DESC`.
 * - Container events (about an eighth of the rows) get partial indexes, so the `by_*` views and one
 *   container's timeline do not pay for the rest.
 * - Counts (`x-total-count`, the planner's estimates) of filters on type, source, severity, alert, status
 *   and the `by_*` views read `event_tallies` (version 2, see `event-tallies.ts`) instead of the events.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    parent_id INTEGER REFERENCES organisations (id),
    name_rank INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'support')),
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    password_hash TEXT NOT NULL
  );
  CREATE TABLE event_types (id INTEGER PRIMARY KEY, description TEXT NOT NULL);
  CREATE TABLE event_sources (id INTEGER PRIMARY KEY, description TEXT NOT NULL);
  CREATE TABLE event_severities (id INTEGER PRIMARY KEY, description TEXT NOT NULL);
  CREATE TABLE endpoints (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    tags TEXT NOT NULL,
    ip_address TEXT NOT NULL,
    imei TEXT NOT NULL,
    name_rank INTEGER NOT NULL DEFAULT 0,
    tags_rank INTEGER NOT NULL DEFAULT 0,
    ip_rank INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX endpoints_imei ON endpoints (imei);
  CREATE TABLE sims (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    iccid TEXT NOT NULL,
    iccid_rank INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX sims_iccid ON sims (iccid);
  CREATE TABLE imsis (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    imsi TEXT NOT NULL,
    imsi_rank INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX imsis_imsi ON imsis (imsi);
  CREATE TABLE containers (
    id TEXT PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    blocked INTEGER NOT NULL CHECK (blocked IN (0, 1))
  ) WITHOUT ROWID;
  CREATE INDEX containers_org_name ON containers (organisation_id, name);

  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    timestamp INTEGER NOT NULL,
    type_id INTEGER NOT NULL REFERENCES event_types (id),
    source_id INTEGER NOT NULL REFERENCES event_sources (id),
    severity_id INTEGER NOT NULL REFERENCES event_severities (id),
    alert INTEGER NOT NULL CHECK (alert IN (0, 1)),
    status TEXT CHECK (status IN ('SUCCESS', 'FAILURE')),
    description TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    user_id INTEGER REFERENCES users (id),
    endpoint_id INTEGER REFERENCES endpoints (id),
    sim_id INTEGER REFERENCES sims (id),
    imsi_id INTEGER REFERENCES imsis (id),
    container_id TEXT REFERENCES containers (id),
    org_rank INTEGER NOT NULL,
    endpoint_rank INTEGER,
    tags_rank INTEGER,
    ip_rank INTEGER,
    iccid_rank INTEGER,
    imsi_rank INTEGER
  );
  CREATE INDEX events_org_ts ON events (organisation_id, timestamp);
  CREATE INDEX events_org_type_ts ON events (organisation_id, type_id, timestamp);
  CREATE INDEX events_org_type ON events (organisation_id, type_id);
  CREATE INDEX events_org_type_asc ON events (organisation_id, type_id, id DESC);
  CREATE INDEX events_org_source ON events (organisation_id, source_id);
  CREATE INDEX events_org_source_asc ON events (organisation_id, source_id, id DESC);
  CREATE INDEX events_org_severity ON events (organisation_id, severity_id);
  CREATE INDEX events_org_severity_asc ON events (organisation_id, severity_id, id DESC);
  CREATE INDEX events_org_alert ON events (organisation_id, alert);
  CREATE INDEX events_org_alert_asc ON events (organisation_id, alert, id DESC);
  CREATE INDEX events_org_user ON events (organisation_id, user_id);
  CREATE INDEX events_org_user_asc ON events (organisation_id, user_id IS NULL, user_id, id DESC);
  CREATE INDEX events_org_endpoint ON events (organisation_id, endpoint_rank);
  CREATE INDEX events_org_endpoint_asc ON events (organisation_id, endpoint_rank IS NULL, endpoint_rank, id DESC);
  CREATE INDEX events_org_tags ON events (organisation_id, tags_rank);
  CREATE INDEX events_org_tags_asc ON events (organisation_id, tags_rank IS NULL, tags_rank, id DESC);
  CREATE INDEX events_org_ip ON events (organisation_id, ip_rank);
  CREATE INDEX events_org_ip_asc ON events (organisation_id, ip_rank IS NULL, ip_rank, id DESC);
  CREATE INDEX events_org_iccid ON events (organisation_id, iccid_rank);
  CREATE INDEX events_org_iccid_asc ON events (organisation_id, iccid_rank IS NULL, iccid_rank, id DESC);
  CREATE INDEX events_org_imsi ON events (organisation_id, imsi_rank);
  CREATE INDEX events_org_imsi_asc ON events (organisation_id, imsi_rank IS NULL, imsi_rank, id DESC);
  CREATE INDEX events_container_ts ON events (container_id, timestamp) WHERE container_id IS NOT NULL;
  CREATE INDEX events_org_status_ts ON events (organisation_id, status, timestamp) WHERE status IS NOT NULL;

  -- Case-insensitive substring search on descriptions; the trigram index finds candidates, the query
  -- re-checks each with instr() so every plan answers the same rows.
  CREATE VIRTUAL TABLE events_fts USING fts5 (
    description, content = 'events', content_rowid = 'id', tokenize = 'trigram', detail = 'none'
  );
  CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, description) VALUES (new.id, new.description);
  END;

  CREATE TABLE revoked_tokens (token_id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE settings (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
  `,
  talliesSchemaSql,
  // One container's events: the organisation in the key makes its count index-only and lets the walk
  // plan read it per organisation in timestamp order (the old index needed a row lookup per event).
  `
  CREATE INDEX events_container_org_ts ON events (container_id, organisation_id, timestamp)
    WHERE container_id IS NOT NULL;
  DROP INDEX events_container_ts;
  `,
  // A user filter with a time range (the failures view's question: what did this person do last week?)
  // answered inside one index; `events_org_user` stays, the user sort walks it in (user, id) order.
  `
  CREATE INDEX events_org_user_ts ON events (organisation_id, user_id, timestamp);
  `,
  // How many events hold each trigram, read from the full-text index itself: the description filter
  // queries only a value's rarest trigrams.
  `
  CREATE VIRTUAL TABLE events_fts_vocab USING fts5vocab (events_fts, row);
  `,
  // Sessions as an allow-list replace the revocation list, whose rows were swept while tokens that named
  // them still lived. Sessions signed in before this step end: their users sign in again.
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX sessions_expires_at ON sessions (expires_at);
  DROP TABLE revoked_tokens;
  `,
  // Counts under a time range sum the days the range covers whole from day tallies, and count only its two
  // partial days on the events (see `compileEventCount`).
  dayTalliesSchemaSql,
  // FTS5's automerge did merge work inside inserts: at 10M events one insert in sixty took 20–170 ms (p99 96 ms,
  // straight on the connection) against 5–12 ms without it. New segments are then merged only when sixteen
  // pile up on one level (crisismerge), which is small work for small segments.
  `
  INSERT INTO events_fts (events_fts, rank) VALUES ('automerge', 0);
  `,
  // Why a container access failed and where from (null on other events). The exact filters and their
  // counts read partial indexes holding only the rows that have a value (the rowid is the last key).
  `
  ALTER TABLE events ADD COLUMN reason TEXT;
  ALTER TABLE events ADD COLUMN client_ip TEXT;
  CREATE INDEX events_org_reason ON events (organisation_id, reason) WHERE reason IS NOT NULL;
  CREATE INDEX events_org_client_ip ON events (organisation_id, client_ip) WHERE client_ip IS NOT NULL;
  `,
  // Saved views: a name is unique per owner, which the unique index decides (a 409 on the API).
  `
  CREATE TABLE saved_views (
    id TEXT PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    query TEXT NOT NULL,
    shared INTEGER NOT NULL CHECK (shared IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX saved_views_owner_name ON saved_views (owner_id, name);
  CREATE INDEX saved_views_org_shared ON saved_views (organisation_id) WHERE shared = 1;
  `, // Histograms and a range's partial days read hour tallies instead of the events (ADR 0010).
  hourTalliesSchemaSql,
  // Facets of user, container, reason and client address under tallied filters read these (ADR 0011).
  valueTalliesSchemaSql,
];

/** Rows every store needs whatever world is seeded: sources, severities and the container event types. */
function catalogueRows(db: Database.Database): void {
  const source = db.prepare("INSERT OR REPLACE INTO event_sources (id, description) VALUES (?, ?)");
  for (const { id, description } of eventSources) source.run(id, description);
  const severity = db.prepare("INSERT OR REPLACE INTO event_severities (id, description) VALUES (?, ?)");
  for (const { id, description } of eventSeverities) severity.run(id, description);
  const type = db.prepare("INSERT OR REPLACE INTO event_types (id, description) VALUES (?, ?)");
  for (const name of containerEventTypes) type.run(containerEventTypeIds[name], name);
}

/**
 * Brings the schema up to date in one transaction per step. Each step holds the write lock and reads the
 * version inside it, so two processes opening one new store do not both run a step.
 */
export function applyMigrations(db: Database.Database): void {
  const version = () => db.pragma("user_version", { simple: true }) as number;
  const known = migrations.length;
  if (version() > known) {
    throw new Error(`The database has schema version ${version()}; this EventDesk knows up to ${known}.`);
  }
  while (version() < known) {
    withWriteLock(db, () => {
      const current = version();
      const sql = migrations[current];
      if (sql === undefined) return;
      db.exec(sql);
      if (current === 0) catalogueRows(db);
      db.pragma(`user_version = ${current + 1}`);
    });
  }
}
