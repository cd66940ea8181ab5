import type { EventSortField } from "../../../contract/sort-fields";
import type { SortTerm } from "../../../contract/sort-grammar";

type SortKey = {
  /** The column on `events e` that orders this field (a rank for names, see migrations.ts). */
  column: string;
  nullable: boolean;
  /** For a nullable key: the `event_tallies` column that is 1 where the key is set. */
  tally?: string;
  /** Indexes that deliver `key DESC, id DESC` and `key ASC NULLS LAST, id DESC` within one organisation. */
  indexes?: { desc: string; asc: string };
};

/** The only place sort fields become SQL: a fixed whitelist, never text from a request. */
export const eventSortKeys: Record<EventSortField, SortKey> = {
  id: { column: "e.id", nullable: false },
  timestamp: {
    column: "e.timestamp",
    nullable: false,
    indexes: { desc: "events_org_ts", asc: "events_org_ts" },
  },
  source: {
    column: "e.source_id",
    nullable: false,
    indexes: { desc: "events_org_source", asc: "events_org_source_asc" },
  },
  severity: {
    column: "e.severity_id",
    nullable: false,
    indexes: { desc: "events_org_severity", asc: "events_org_severity_asc" },
  },
  type: {
    column: "e.type_id",
    nullable: false,
    indexes: { desc: "events_org_type", asc: "events_org_type_asc" },
  },
  alert: {
    column: "e.alert",
    nullable: false,
    indexes: { desc: "events_org_alert", asc: "events_org_alert_asc" },
  },
  organisation: { column: "e.org_rank", nullable: false },
  user: {
    column: "e.user_id",
    nullable: true,
    tally: "e.has_user",
    indexes: { desc: "events_org_user", asc: "events_org_user_asc" },
  },
  endpoint: {
    column: "e.endpoint_rank",
    nullable: true,
    tally: "e.has_endpoint",
    indexes: { desc: "events_org_endpoint", asc: "events_org_endpoint_asc" },
  },
  tags: {
    column: "e.tags_rank",
    nullable: true,
    tally: "e.has_tags",
    indexes: { desc: "events_org_tags", asc: "events_org_tags_asc" },
  },
  ip_address: {
    column: "e.ip_rank",
    nullable: true,
    tally: "e.has_ip",
    indexes: { desc: "events_org_ip", asc: "events_org_ip_asc" },
  },
  iccid: {
    column: "e.iccid_rank",
    nullable: true,
    tally: "e.has_iccid",
    indexes: { desc: "events_org_iccid", asc: "events_org_iccid_asc" },
  },
  imsi: {
    column: "e.imsi_rank",
    nullable: true,
    tally: "e.has_imsi",
    indexes: { desc: "events_org_imsi", asc: "events_org_imsi_asc" },
  },
};

export type OrderKey = { expr: string; desc: boolean };

/**
 * The ORDER BY keys of a sort: nulls last in both directions (`key IS NULL` first when ascending; SQLite
 * already puts nulls last when descending) and `id` as the final tie-breaker, descending unless named.
 */
export function orderKeys(sort: readonly SortTerm<EventSortField>[]): OrderKey[] {
  const keys: OrderKey[] = [];
  for (const term of sort) {
    const key = eventSortKeys[term.field];
    if (key.nullable && !term.desc) keys.push({ expr: `${key.column} IS NULL`, desc: false });
    keys.push({ expr: key.column, desc: term.desc });
    if (term.field === "id") return keys;
  }
  keys.push({ expr: "e.id", desc: true });
  return keys;
}
