import type { FacetField } from "../../contract/facets";

/** One group of a facet: its value and label as text (null for events without one) and how many events. */
export type FacetGroup = { value: string | null; label: string | null; n: number };

/**
 * How each stored field groups `events e` on both backends: the column grouped by, its value and label as
 * text (SQL both backends read alike), and the join the label needs. Never text from a request.
 */
export const facetColumns: Record<FacetField, { key: string; value: string; label: string; join: string }> = {
  type: {
    key: "e.type_id",
    value: "CAST(e.type_id AS TEXT)",
    label: "min(t.description)",
    join: " LEFT JOIN event_types t ON t.id = e.type_id",
  },
  source: {
    key: "e.source_id",
    value: "CAST(e.source_id AS TEXT)",
    label: "min(src.description)",
    join: " LEFT JOIN event_sources src ON src.id = e.source_id",
  },
  severity: {
    key: "e.severity_id",
    value: "CAST(e.severity_id AS TEXT)",
    label: "min(sev.description)",
    join: " LEFT JOIN event_severities sev ON sev.id = e.severity_id",
  },
  // The tallies keep a null status as ''.
  status: { key: "e.status", value: "NULLIF(e.status, '')", label: "NULLIF(e.status, '')", join: "" },
  alert: {
    key: "e.alert",
    value: "CASE WHEN e.alert THEN 'true' ELSE 'false' END",
    label: "CASE WHEN e.alert THEN 'Alert' ELSE 'No alert' END",
    join: "",
  },
  organisation: {
    key: "e.organisation_id",
    value: "CAST(e.organisation_id AS TEXT)",
    label: "min(o.name)",
    join: " LEFT JOIN organisations o ON o.id = e.organisation_id",
  },
  user: {
    key: "e.user_id",
    value: "CAST(e.user_id AS TEXT)",
    label: "min(u.username)",
    join: " LEFT JOIN users u ON u.id = e.user_id",
  },
  endpoint: {
    key: "e.endpoint_id",
    value: "CAST(e.endpoint_id AS TEXT)",
    label: "min(ep.name)",
    join: " LEFT JOIN endpoints ep ON ep.id = e.endpoint_id",
  },
  container: {
    key: "e.container_id",
    value: "e.container_id",
    label: "min(c.name)",
    join: " LEFT JOIN containers c ON c.id = e.container_id",
  },
  ip_address: {
    key: "ep.ip_address",
    value: "ep.ip_address",
    label: "ep.ip_address",
    join: " LEFT JOIN endpoints ep ON ep.id = e.endpoint_id",
  },
  reason: { key: "e.reason", value: "e.reason", label: "e.reason", join: "" },
  client_ip: { key: "e.client_ip", value: "e.client_ip", label: "e.client_ip", join: "" },
};

/** The fields `event_tallies` keeps, under the same column names as `events`. */
export const talliedFacetFields: ReadonlySet<FacetField> = new Set([
  "type",
  "source",
  "severity",
  "status",
  "alert",
  "organisation",
]);

/**
 * Fields null on most events, each kept in an index of the rows that have one (user, container, reason,
 * client address): their groups are read from the rows with a value, and the null group is the count of
 * the matching events, from the tallies, less those (`sparseFacetSql`).
 */
export const sparseFacetFields: ReadonlySet<FacetField> = new Set([
  "user",
  "container",
  "reason",
  "client_ip",
]);

/** The groups of a sparse `field` over `events e` rows matching `where` that have a value: its key and `n`. */
export function sparseGroupsSql(field: FacetField, where: string): string {
  const { key } = facetColumns[field];
  return `SELECT ${key}, count(*) AS n FROM events e WHERE ${where} AND ${key} IS NOT NULL GROUP BY ${key}`;
}

/**
 * One statement, so one snapshot: a sparse field's groups from `grouped` (its key and `n`, as
 * `sparseGroupsSql` or summed from its value tallies), and the null group as what `counted` (a statement of
 * organisation and count rows) adds up to less those.
 */
export function sparseFacetSql(field: FacetField, grouped: string, counted: string): string {
  // Grouped before the label's join, which then looks up one row per value instead of one per event.
  const found = facetSql(field, `(${grouped})`, "TRUE", "sum(e.n)");
  return (
    `WITH counted (organisation_id, n) AS (${counted}), found AS (${found}) SELECT value, label, n FROM found UNION ALL ` +
    "SELECT NULL, NULL, rest FROM (SELECT (SELECT coalesce(sum(n), 0) FROM counted) - " +
    "(SELECT coalesce(sum(n), 0) FROM found) AS rest) r WHERE rest > 0"
  );
}

/**
 * `SELECT value, label, n … GROUP BY key` for one field over `rows`, a table or subquery that becomes `e`:
 * `events` (n: `count(*)`) or `event_tallies` (n: `sum(e.n)`), with `where` (its own placeholders).
 */
export function facetSql(field: FacetField, rows: string, where: string, n: string): string {
  const { key, value, label, join } = facetColumns[field];
  return `SELECT ${value} AS value, ${label} AS label, ${n} AS n FROM ${rows} e${join} WHERE ${where} GROUP BY ${key}`;
}
