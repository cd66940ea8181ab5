/**
 * A table the copy carries, keyed by `key` (the order the verification reads it in). `replace`: the target
 * makes rows of its own before any data is there (the catalogue on migrating, the signing secret on a
 * server's first start); the copy replaces them with the SQLite store's.
 */
export type CopiedTable = { name: string; key: string; replace?: boolean };

/** Every table but the events, in an order their foreign keys allow. */
export const worldTables: readonly CopiedTable[] = [
  { name: "organisations", key: "id" },
  { name: "users", key: "id" },
  { name: "event_types", key: "id", replace: true },
  { name: "event_sources", key: "id", replace: true },
  { name: "event_severities", key: "id", replace: true },
  { name: "endpoints", key: "id" },
  { name: "sims", key: "id" },
  { name: "imsis", key: "id" },
  { name: "containers", key: "id" },
  { name: "sessions", key: "id" },
  { name: "saved_views", key: "id" },
  { name: "settings", key: "key", replace: true },
];

export const eventsTable: CopiedTable = { name: "events", key: "id" };
