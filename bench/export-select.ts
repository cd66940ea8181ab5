import { lookupJoins } from "../src/server/store/event-lookup-joins";

/** What differs between SQLite's and PostgreSQL's SQL for the export's rows. */
export type ExportDialect = {
  /** The epoch-ms `e.timestamp` as the API writes it (ISO UTC, milliseconds only when not zero). */
  timestamp: string;
  /** `e.alert` as `true` or `false`. */
  alert: string;
  /** A text cell neutralised as the contract asks: a leading = + - @ tab CR or LF gets a `'` in front. */
  safe: (expr: string) => string;
};

/**
 * The export's rows and order in plain SQL (no trailing semicolon): what someone with the database's own shell
 * would write for the CSV the API streams, used as the bench's yardstick.
 */
export function exportSelectSql(dialect: ExportDialect, orgIds: readonly number[]): string {
  const { safe } = dialect;
  return [
    "SELECT e.id AS id,",
    `${dialect.timestamp} AS timestamp,`,
    "t.description AS event_type, src.description AS event_source, sev.description AS event_severity,",
    `${dialect.alert} AS alert, e.status AS status,`,
    `${safe("e.description")} AS description, ${safe("o.name")} AS organisation, ${safe("u.username")} AS user,`,
    `${safe("ep.name")} AS endpoint, ${safe("ep.tags")} AS tags, ep.ip_address AS ip_address, ep.imei AS imei,`,
    `s.iccid AS iccid, i.imsi AS imsi, ${safe("e.container_id")} AS container,`,
    // Codes of [a-z0-9_] and addresses: no formula can start either.
    "e.reason AS reason, e.client_ip AS client_ip",
    "FROM events e",
    lookupJoins,
    `WHERE e.organisation_id IN (${orgIds.map(Number).join(", ")})`,
    "ORDER BY e.timestamp DESC, e.id DESC",
  ].join("\n");
}
