import { spawnSync } from "node:child_process";
import { measureCliCsv, type CliCsvFigures } from "./measure-csv";
import { exportSelectSql, type ExportDialect } from "./export-select";

/** psql's version when it is on the PATH (`psql (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)` → `15.18`). */
export function psqlVersion(): string | undefined {
  const run = spawnSync("psql", ["--version"], { encoding: "utf8" });
  return run.status === 0 ? (/\d+(\.\d+)+/.exec(run.stdout)?.[0] ?? run.stdout.trim()) : undefined;
}

const utc = (seconds: string, format: string) =>
  `to_char(to_timestamp(${seconds}) AT TIME ZONE 'UTC', '${format}')`;

const postgresDialect: ExportDialect = {
  timestamp:
    `CASE WHEN e.timestamp % 1000 = 0 THEN ${utc("e.timestamp / 1000", 'YYYY-MM-DD"T"HH24:MI:SS"Z"')} ` +
    `ELSE ${utc("e.timestamp / 1000.0", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')} END`,
  alert: "CASE WHEN e.alert THEN 'true' ELSE 'false' END",
  safe: (expr) =>
    `CASE WHEN left(${expr}, 1) IN ('=', '+', '-', '@', chr(9), chr(13), chr(10)) THEN '''' || ${expr} ELSE ${expr} END`,
};

/**
 * The export's rows and order as a COPY, what someone with psql would write: the SQL of `exportSql`
 * (measure-csv.ts) in PostgreSQL's dialect, the timestamp written as the API does.
 */
export function exportCopySql(orgIds: readonly number[]): string {
  return `COPY (${exportSelectSql(postgresDialect, orgIds)}) TO STDOUT WITH (FORMAT csv, HEADER)`;
}

/** `psql URL -c "COPY (…) TO STDOUT WITH (FORMAT csv, HEADER)"`, read by this process as the HTTP export's is. */
export function measurePsqlCsv(url: string, sql: string, version: string): Promise<CliCsvFigures> {
  return measureCliCsv("psql", ["--no-psqlrc", "--quiet", "--dbname", url, "--command", sql], {
    command: "psql COPY csv",
    version,
  });
}
