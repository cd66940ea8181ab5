import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { apiBase, apiPaths } from "../src/contract/api-paths";
import { orgReach } from "../src/server/auth/org-reach";
import { openSqliteStore } from "../src/server/store/sqlite-store";
import { buildDashboard, initialJavaScript } from "./bundle-size";
import { discoverFacts, type DataFacts } from "./discover";
import { HttpClient } from "./http-client";
import { explainEntries, type ExplainedEntry } from "./explain-slow";
import { buildMatrix, entryPath } from "./matrix";
import { ensureSqliteCli, exportSql, measureHttpCsv, measureSqliteCli } from "./measure-csv";
import { measureLoad } from "./measure-load";
import { parseOptions, type BenchOptions } from "./options";
import { printReport, writeJson } from "./report";
import type { BenchResults, EntryResult } from "./results";
import { countForgetter } from "./measure-sqlite";
import { runMatrix, slowEntries } from "./run-matrix";
import { seedStore, storeSize } from "./seed-store";
import { startServerProcess, type ServerProcess } from "./server-process";
import { formatMb } from "./targets";

const root = fileURLToPath(new URL("..", import.meta.url));
const resultsFile = fileURLToPath(new URL("./results/latest.json", import.meta.url));
const password = "bench-password";
const username = "admin@acme.test";
const orgId = 1;
/** Requests that pay for a recomputed count each follow a committed write, so they get a smaller budget. */
const coldLimits = { maxRuns: 30, seconds: 2 };
/** Besides every entry that misses a target, the plans of this many slowest entries are printed. */
const explainSlowest = 6;

async function main(options: BenchOptions): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "eventdesk-bench-"));
  const file = options.db ?? join(work, "eventdesk.db");
  let server: ServerProcess | undefined;
  try {
    console.log(`Seeding ${options.events.toLocaleString("en-US")} demo events into ${file}…`);
    const seed = await seedStore(file, options.events, password);
    console.log(seed.reused ? "  store reused (not seeded)" : `  seeded in ${seed.seconds?.toFixed(1)} s`);
    const store = storeSize(file);
    console.log(`  store on disk: ${formatMb(store.total)}`);

    server = await startServerProcess(root, {
      EVENTDESK_DB: file,
      EVENTDESK_DEMO_PASSWORD: password,
      EVENTDESK_TOKEN_TTL: String(7 * 24 * 3600),
      EVENTDESK_STATIC_DIR: join(work, "no-dashboard"),
    });
    const rssAfterStart = server.rss().total;
    console.log(`Server pid ${server.pid} at ${server.url}, RSS ${formatMb(rssAfterStart)}`);

    const client = new HttpClient(server.url);
    await client.signIn(username, password);
    const token = client.token ?? "";
    const facts = await discoverFacts(client, orgId);
    const loadStart = loadavg()[0] ?? NaN;
    const { matrix, explained } = await measureMatrix(file, facts, client, server, options);
    const loadEnd = loadavg()[0] ?? NaN;

    const defaultUrl = new URL(`${apiBase}${apiPaths.orgEvents(orgId)}`, server.url).toString();
    console.log(`Ten clients on the default view for ${options.loadSeconds} s…`);
    const load = await measureLoad({ url: defaultUrl, token, connections: 10, seconds: options.loadSeconds });
    const peakRssMatrix = server.peakRss();
    client.close();

    const csv = options.csv
      ? await measureCsv(file, facts, server, token)
      : { skipped: "not run (--no-csv)" };
    await server.stop();
    server = undefined;

    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: { ...machine(), loadAverage: { start: loadStart, end: loadEnd } },
      options,
      seed,
      store,
      server: { rssAfterStart, peakRssMatrix },
      matrix,
      explained,
      load,
      csv,
      bundle: options.bundle ? measureBundle(join(work, "web")) : { skipped: "not run (--no-bundle)" },
      lighthouse: { skipped: "not measured (npm lighthouse is not installed)" },
    };
    printReport(results);
    writeJson(resultsFile, results);
    console.log(`Figures written to ${resultsFile}`);
  } finally {
    await server?.stop();
    if (options.keep) console.log(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

async function measureMatrix(
  file: string,
  facts: DataFacts,
  client: HttpClient,
  server: ServerProcess,
  options: BenchOptions,
): Promise<{ matrix: EntryResult[]; explained: ExplainedEntry[] }> {
  const direct = openSqliteStore(file);
  const writer = openSqliteStore(file);
  try {
    const entries = buildMatrix(facts, orgId);
    const matrix = await runMatrix(
      entries,
      { client, direct, writer, serverLog: () => server.takeLog() },
      {
        warm: { maxRuns: options.requests, seconds: options.seconds },
        cold: { maxRuns: coldLimits.maxRuns, seconds: Math.min(coldLimits.seconds, options.seconds) },
      },
    );
    const slow = new Set(slowEntries(matrix, explainSlowest).map((entry) => entry.name));
    const toExplain = entries
      .filter((entry) => slow.has(entry.name))
      .map((entry) => ({ ...entry, path: entryPath(entry) }));
    console.log(`Query plans for ${toExplain.length} entries…`);
    return { matrix, explained: explainEntries(file, direct, toExplain, countForgetter(writer)) };
  } finally {
    direct.close();
    writer.close();
  }
}

async function measureCsv(
  file: string,
  facts: DataFacts,
  server: ServerProcess,
  token: string,
): Promise<BenchResults["csv"]> {
  console.log("CSV export over HTTP…");
  const http = await measureHttpCsv(server, token, orgId);
  const version = ensureSqliteCli();
  if (version === undefined) {
    return {
      http,
      sqlite3: { skipped: "not measured: the sqlite3 shell is missing (apt-get install sqlite3)" },
    };
  }
  console.log("The same export with sqlite3 -csv…");
  const reach = orgReach(facts.organisations, orgId).map((org) => org.id);
  return { http, sqlite3: await measureSqliteCli(file, exportSql(reach), version) };
}

function measureBundle(outDir: string): BenchResults["bundle"] {
  console.log("Building the dashboard (vite build)…");
  const built = buildDashboard(root, outDir);
  return built.ok
    ? initialJavaScript(outDir)
    : { skipped: `not measured: vite build failed\n${built.message}` };
}

function machine(): Omit<BenchResults["machine"], "loadAverage"> {
  const db = new Database(":memory:");
  const sqlite = db.prepare("SELECT sqlite_version()").pluck().get() as string;
  db.close();
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? "unknown CPU",
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    sqlite,
  };
}

// Targets missed are figures to read, not failures: only a crash exits non-zero.
main(parseOptions(process.argv.slice(2))).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
