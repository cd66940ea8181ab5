import { spawn, spawnSync } from "node:child_process";
import http from "node:http";
import { apiBase, apiPaths, listHeaders } from "../src/contract/api-paths";
import { IdDigest } from "./id-digest";
import type { ServerProcess } from "./server-process";
import { exportSelectSql, type ExportDialect } from "./export-select";

export type CsvFigures = {
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  hash: number;
};

export type HttpCsvFigures = CsvFigures & {
  totalHeader: number;
  /** The server's VmHWM over the export (from a peak reset just before it when the kernel allows). */
  peakRss: number;
  peakRssSinceStart: boolean;
  /** The largest RSS sampled during the export and how it split into heap and mapped file pages. */
  sampledRss: { total: number; anon: number; file: number };
};

/** `GET /orgs/{org}/events` with `Accept: text/csv`: every event of the reach, newest first, streamed. */
export async function measureHttpCsv(
  server: ServerProcess,
  token: string,
  orgId: number,
): Promise<HttpCsvFigures> {
  const reset = server.resetPeak();
  let sampled = server.rss();
  const sampler = setInterval(() => {
    const now = server.rss();
    if (now.total > sampled.total) sampled = now;
  }, 50);
  const url = new URL(`${apiBase}${apiPaths.orgEvents(orgId)}`, server.url);
  const digest = new IdDigest();
  const start = performance.now();
  try {
    const totalHeader = await new Promise<number>((resolve, reject) => {
      const req = http.get(
        url,
        { headers: { authorization: `Bearer ${token}`, accept: "text/csv" }, agent: false },
        (res) => {
          if (res.statusCode !== 200) {
            reject(new Error(`The CSV export answered ${res.statusCode}.`));
            res.resume();
            return;
          }
          res.on("data", (chunk: Buffer) => {
            digest.update(chunk);
          });
          res.on("end", () => {
            resolve(Number(res.headers[listHeaders.total]));
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
    });
    const seconds = (performance.now() - start) / 1000;
    return {
      ...figures(digest, seconds),
      totalHeader,
      peakRss: server.peakRss(),
      peakRssSinceStart: !reset,
      sampledRss: sampled,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** The same export by a database's own shell: `command` as the report names it, and the shell's version. */
export type CliCsvFigures = CsvFigures & { command: string; version: string };

/** Whether the sqlite3 shell is on the PATH; as root, installs Debian's package when it is not. */
export function ensureSqliteCli(): string | undefined {
  const version = () => {
    const run = spawnSync("sqlite3", ["--version"], { encoding: "utf8" });
    return run.status === 0 ? run.stdout.trim().split(" ").slice(0, 2).join(" ") : undefined;
  };
  const found = version();
  if (found !== undefined || process.getuid?.() !== 0) return found;
  console.log("sqlite3 is missing: installing Debian's sqlite3 package…");
  spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "sqlite3"], {
    stdio: "ignore",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return version();
}

/** A text cell neutralised as the contract asks: a leading = + - @ tab CR or LF gets a `'` in front. */
const sqliteDialect: ExportDialect = {
  timestamp:
    "CASE WHEN e.timestamp % 1000 = 0 THEN strftime('%Y-%m-%dT%H:%M:%SZ', e.timestamp / 1000, 'unixepoch') " +
    "ELSE strftime('%Y-%m-%dT%H:%M:%fZ', e.timestamp / 1000.0, 'unixepoch') END",
  alert: "CASE e.alert WHEN 1 THEN 'true' ELSE 'false' END",
  safe: (expr) =>
    `CASE WHEN substr(${expr}, 1, 1) IN ('=', '+', '-', '@', char(9), char(13), char(10)) THEN '''' || ${expr} ELSE ${expr} END`,
};

/** The export's rows and order in plain SQL: what someone with the file and the sqlite3 shell would write. */
export function exportSql(orgIds: readonly number[]): string {
  return `${exportSelectSql(sqliteDialect, orgIds)};`;
}

/** `sqlite3 -readonly -csv -header FILE SQL`, its output read by this process as the HTTP export's is. */
export function measureSqliteCli(file: string, sql: string, version: string): Promise<CliCsvFigures> {
  return measureCliCsv("sqlite3", ["-readonly", "-csv", "-header", file, sql], {
    command: "sqlite3 -csv",
    version,
  });
}

/** A shell that writes the CSV to its stdout, read by this process as the HTTP export's is. */
export function measureCliCsv(
  program: string,
  args: string[],
  named: { command: string; version: string },
): Promise<CliCsvFigures> {
  const digest = new IdDigest();
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      digest.update(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new Error(`${program} exited with ${code}: ${err}`));
        return;
      }
      resolve({ ...figures(digest, (performance.now() - start) / 1000), ...named });
    });
  });
}

function figures(digest: IdDigest, seconds: number): CsvFigures {
  return {
    rows: digest.rows,
    bytes: digest.bytes,
    seconds,
    rowsPerSecond: digest.rows / seconds,
    hash: digest.hash,
  };
}
