import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { apiBase, apiPaths } from "../src/contract/api-paths";
import { orgReach } from "../src/server/auth/org-reach";
import { benchUser, containerIdsOf, startBenchServer } from "./bench-server";
import { buildDashboard, initialJavaScript } from "./bundle-size";
import { chromiumMissing } from "./chromium";
import { discoverFacts, type DataFacts } from "./discover";
import type { HttpClient } from "./http-client";
import { explainEntries, type ExplainedEntry } from "./explain-slow";
import { runLive } from "./live-run";
import { machine } from "./machine";
import { buildMatrix, entryPath } from "./matrix";
import { ensureSqliteCli, exportSql, measureHttpCsv, measureSqliteCli } from "./measure-csv";
import { exportCopySql, measurePsqlCsv, psqlVersion } from "./measure-psql-csv";
import { measureLighthouse } from "./measure-lighthouse";
import { measureIngest, type IngestFigures } from "./measure-ingest";
import { measureLoad } from "./measure-load";
import { measureSortClick, type SortClickFigures, type SortClickOptions } from "./measure-sort-click";
import { parseOptions, type BenchOptions } from "./options";
import { printReport, writeJson } from "./report";
import type { BenchResults, EntryResult, Skipped, UnderLoad } from "./results";
import { countForgetter } from "./measure-store";
import { runMatrix, slowEntries } from "./run-matrix";
import type { ServerProcess } from "./server-process";
import { openTarget, storeTarget, type StoreTarget } from "./store-target";

const root = fileURLToPath(new URL("..", import.meta.url));
const resultsFile = fileURLToPath(new URL("./results/latest.json", import.meta.url));
const { username, password, orgId } = benchUser;
/** The dashboard page Lighthouse loads and the sort clicks are timed on. */
const eventsPage = `/orgs/${orgId}/events`;
/** Requests that pay for a recomputed count each follow a committed write, so they get a smaller budget. */
const coldLimits = { maxRuns: 30, seconds: 2 };
/** Exports timed per way of exporting; the fastest counts. */
const csvRuns = 2;
/** Besides every entry that misses a target, the plans of this many slowest entries are printed. */
const explainSlowest = 6;

async function main(options: BenchOptions): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "eventdesk-bench-"));
  const target = storeTarget(options, work);
  const webDir = join(work, "web");
  let server: ServerProcess | undefined;
  try {
    const built = build(webDir, options);
    const started = await startBenchServer(
      root,
      target,
      options.events,
      built.ok ? webDir : join(work, "no-dashboard"),
    );
    const { seed, store, database, rssAfterStart, client, token } = started;
    server = started.server;
    const facts = await discoverFacts(client, orgId);
    const loadStart = loadavg()[0] ?? NaN;
    const { matrix, explained } = await measureMatrix(target, facts, client, server, options);
    const loadEnd = loadavg()[0] ?? NaN;

    const defaultUrl = new URL(`${apiBase}${apiPaths.orgEvents(orgId)}`, server.url).toString();
    console.log(`Ten clients on the default view for ${options.loadSeconds} s…`);
    const load = await measureLoad({ url: defaultUrl, token, connections: 10, seconds: options.loadSeconds });
    const peakRssMatrix = server.peakRss();

    const csv = options.csv
      ? await measureCsv(target, facts, server, token)
      : { skipped: "not run (--no-csv)" };
    const signedIn = { baseUrl: server.url, pagePath: eventsPage, orgId, username, password };
    const lighthouse = await inBrowser("Lighthouse", options.lighthouse, "--no-lighthouse", built, () =>
      measureLighthouse(signedIn),
    );
    const sortClick = await inBrowser("Sort clicks", options.sortClick, "--no-sort-click", built, () =>
      measureSortClickAfterWrites(target, { ...signedIn, client }),
    );
    const ingest = options.ingest
      ? await measureIngestThroughput(client, server.url, token, options)
      : { skipped: "not run (--no-ingest)" };
    client.close();
    await server.stop();
    server = undefined;

    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: { ...machine(), loadAverage: { start: loadStart, end: loadEnd } },
      options,
      seed,
      store,
      database,
      server: { rssAfterStart, peakRssMatrix },
      matrix,
      explained,
      load,
      csv,
      bundle: !options.bundle
        ? { skipped: "not run (--no-bundle)" }
        : built.ok
          ? initialJavaScript(webDir)
          : { skipped: built.skipped },
      lighthouse,
      sortClick,
      ingest,
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
  target: StoreTarget,
  facts: DataFacts,
  client: HttpClient,
  server: ServerProcess,
  options: BenchOptions,
): Promise<{ matrix: EntryResult[]; explained: ExplainedEntry[] }> {
  const direct = await openTarget(target);
  const writer = await openTarget(target);
  try {
    const entries = buildMatrix(facts, orgId);
    const matrix = await runMatrix(
      entries,
      { client, target, direct, writer, serverLog: () => server.takeLog() },
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
    return { matrix, explained: await explainEntries(target, direct, toExplain, countForgetter(writer)) };
  } finally {
    await direct.close();
    await writer.close();
  }
}

async function measureCsv(
  target: StoreTarget,
  facts: DataFacts,
  server: ServerProcess,
  token: string,
): Promise<BenchResults["csv"]> {
  console.log(`CSV export over HTTP (best of ${csvRuns})…`);
  const http = await bestOf(csvRuns, () => measureHttpCsv(server, token, orgId));
  const reach = orgReach(facts.organisations, orgId).map((org) => org.id);
  if (target.kind === "postgres") {
    const version = psqlVersion();
    if (version === undefined) return { http, cli: { skipped: "not measured: psql is missing" } };
    console.log(`The same export with psql and COPY (best of ${csvRuns})…`);
    return {
      http,
      cli: await bestOf(csvRuns, () => measurePsqlCsv(target.url, exportCopySql(reach), version)),
    };
  }
  const version = ensureSqliteCli();
  if (version === undefined) {
    return {
      http,
      cli: { skipped: "not measured: the sqlite3 shell is missing (apt-get install sqlite3)" },
    };
  }
  console.log(`The same export with sqlite3 -csv (best of ${csvRuns})…`);
  return { http, cli: await bestOf(csvRuns, () => measureSqliteCli(target.file, exportSql(reach), version)) };
}

/**
 * The fastest of `runs` exports (one run moves by ±30 % with other work on the two cores); for the server's
 * memory, the highest peak of them all.
 */
async function bestOf<T extends { seconds: number; peakRss?: number }>(
  runs: number,
  measure: () => Promise<T>,
): Promise<T> {
  const results: T[] = [];
  for (let i = 0; i < runs; i++) results.push(await measure());
  const fastest = results.reduce((best, result) => (result.seconds < best.seconds ? result : best));
  const peaks = results.map((result) => result.peakRss ?? 0);
  return fastest.peakRss === undefined ? fastest : { ...fastest, peakRss: Math.max(...peaks) };
}

/** Writers through the API on every container of the organisation's reach; bulk adds at most a tenth of the store. */
async function measureIngestThroughput(
  client: HttpClient,
  baseUrl: string,
  token: string,
  options: BenchOptions,
): Promise<IngestFigures> {
  const containerIds = await containerIdsOf(client, orgId);
  console.log(`Ingest through the API for ${String(options.loadSeconds)} s each: single POSTs, then bulk…`);
  return measureIngest({
    baseUrl,
    token,
    orgId,
    containerIds,
    seconds: options.loadSeconds,
    maxBulkEvents: Math.max(20_000, Math.round(options.events / 10)),
  });
}

/**
 * Each click follows a harmless commit, as the matrix's cold requests do: the server's cached answers and
 * counts are stale and must catch up, as while events are being logged.
 */
async function measureSortClickAfterWrites(
  target: StoreTarget,
  options: Omit<SortClickOptions, "beforeClick">,
): Promise<SortClickFigures> {
  const writer = await openTarget(target);
  try {
    return await measureSortClick({ ...options, beforeClick: countForgetter(writer) });
  } finally {
    await writer.close();
  }
}

type Built = { ok: true } | { ok: false; skipped: string };

/**
 * `vite build` into the temporary folder, before the server starts: the server serves it
 * (`EVENTDESK_STATIC_DIR`), so Lighthouse and the sort clicks load the built app, not vite's dev server.
 */
function build(outDir: string, options: BenchOptions): Built {
  if (!options.bundle && !options.lighthouse && !options.sortClick) {
    return { ok: false, skipped: "not built (--no-bundle, --no-lighthouse, --no-sort-click)" };
  }
  console.log("Building the dashboard (vite build)…");
  const built = buildDashboard(root, outDir);
  return built.ok ? built : { ok: false, skipped: `not measured: vite build failed\n${built.message}` };
}

/**
 * A measurement in Chromium, with the load average around it. A failure is reported in its place rather than
 * thrown, so the figures measured before it are still printed and written.
 */
async function inBrowser<T extends object>(
  name: string,
  enabled: boolean,
  flag: string,
  built: Built,
  measure: () => Promise<T>,
): Promise<UnderLoad<T> | Skipped> {
  if (!enabled) return { skipped: `not run (${flag})` };
  if (!built.ok) return { skipped: built.skipped };
  const missing = chromiumMissing();
  if (missing !== undefined) return { skipped: `not measured: ${missing}` };
  console.log(`${name} on ${eventsPage}…`);
  const start = loadavg()[0] ?? NaN;
  try {
    const figures = await measure();
    return { ...figures, loadAverage: { start, end: loadavg()[0] ?? NaN } };
  } catch (error) {
    console.error(error);
    return { skipped: `failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// Targets missed are figures to read, not failures: only a crash exits non-zero.
const given = parseOptions(process.argv.slice(2));
(given.live ? runLive(given) : main(given)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
