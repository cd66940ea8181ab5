import { spawnSync } from "node:child_process";
import { lookupJoins } from "../src/server/store/event-lookup-joins";
import { measureCliCsv, type CliCsvFigures } from "./measure-csv";

/** psql's version when it is on the PATH (`psql (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)` → `15.18`). */
export function psqlVersion(): string | undefined {
  const run = spawnSync("psql", ["--version"], { encoding: "utf8" });
  return run.status === 0 ? (/\d+(\.\d+)+/.exec(run.stdout)?.[0] ?? run.stdout.trim()) : undefined;
}

/** A text cell neutralised as the contract asks: a leading = + - @ tab CR or LF gets a `'` in front. */
const safe = (expr: string) =>
  `CASE WHEN left(${expr}, 1) IN ('=', '+', '-', '@', chr(9), chr(13), chr(10)) THEN '''' || ${expr} ELSE ${expr} END`;

const utc = (seconds: string, format: string) =>
  `to_char(to_timestamp(${seconds}) AT TIME ZONE 'UTC', '${format}')`;

/**
 * The export's rows and order as a COPY, what someone with psql would write: the SQL of `exportSql`
 * (measure-csv.ts) in PostgreSQL's dialect, the timestamp written as the API does.
 */
export function exportCopySql(orgIds: readonly number[]): string {
  const timestamp =
    `CASE WHEN e.timestamp % 1000 = 0 THEN ${utc("e.timestamp / 1000", 'YYYY-MM-DD"T"HH24:MI:SS"Z"')} ` +
    `ELSE ${utc("e.timestamp / 1000.0", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')} END`;
  return [
    "COPY (SELECT e.id AS id,",
    `${timestamp} AS timestamp,`,
    "t.description AS event_type, src.description AS event_source, sev.description AS event_severity,",
    "CASE WHEN e.alert THEN 'true' ELSE 'false' END AS alert, e.status AS status,",
    `${safe("e.description")} AS description, ${safe("o.name")} AS organisation, ${safe("u.username")} AS user,`,
    `${safe("ep.name")} AS endpoint, ${safe("ep.tags")} AS tags, ep.ip_address AS ip_address, ep.imei AS imei,`,
    `s.iccid AS iccid, i.imsi AS imsi, ${safe("e.container_id")} AS container`,
    "FROM events e",
    lookupJoins,
    `WHERE e.organisation_id IN (${orgIds.map(Number).join(", ")})`,
    "ORDER BY e.timestamp DESC, e.id DESC) TO STDOUT WITH (FORMAT csv, HEADER)",
  ].join("\n");
}

/** `psql URL -c "COPY (…) TO STDOUT WITH (FORMAT csv, HEADER)"`, read by this process as the HTTP export's is. */
export function measurePsqlCsv(url: string, sql: string, version: string): Promise<CliCsvFigures> {
  return measureCliCsv("psql", ["--no-psqlrc", "--quiet", "--dbname", url, "--command", sql], {
    command: "psql COPY csv",
    version,
  });
}
