import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultPerPage } from "../src/contract/list-params";
import { containerIdsOf, startBenchServer, benchUser, startServerOn } from "./bench-server";
import { discoverFacts } from "./discover";
import { measureAggregates } from "./live-aggregate-phase";
import { aggregateEntries } from "./live-aggregate-requests";
import { measureAfterWrites, measureDistinctLoad, warmUp } from "./live-phases";
import { printLiveReport, writeLiveJson, type LiveResults } from "./live-report";
import { liveChecks, liveTargets } from "./live-targets";
import { liveEntries, UrlSource } from "./live-urls";
import { discoverPools } from "./live-values";
import { LiveWriter } from "./live-writer";
import { machine } from "./machine";
import { buildMatrix, perPageOf } from "./matrix";
import type { BenchOptions } from "./options";
import type { LoadResult } from "./live-phases";
import type { ServerProcess } from "./server-process";
import { storeTarget } from "./store-target";

const root = fileURLToPath(new URL("..", import.meta.url));
const resultsFile = fileURLToPath(new URL("./results/live-latest.json", import.meta.url));
const { orgId } = benchUser;
/** The writer: 20 events/s. */
const writeIntervalMs = 50;
const connections = 10;

/**
 * `npm run bench -- --live`: the server while events are being logged. A writer posts a container event
 * every 50 ms for the whole read phase; phase A times each matrix entry with one client whose every request
 * follows an acknowledged write, phase B ten clients on URLs never asked before. See bench/README.md.
 */
export async function runLive(options: BenchOptions): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "eventdesk-live-"));
  const target = storeTarget(options, work);
  let server: ServerProcess | undefined;
  let writer: LiveWriter | undefined;
  const extra: ServerProcess[] = [];
  let sharedLoad: LoadResult | undefined;
  const staticDir = join(work, "no-dashboard");
  try {
    const started = await startBenchServer(root, target, options.events, staticDir);
    const { seed, store, database, rssAfterStart, client, token } = started;
    server = started.server;
    const facts = await discoverFacts(client, orgId);
    const pools = await discoverPools(client, orgId, facts);
    const containerIds = await containerIdsOf(client, orgId);
    const used = new Set<string>();
    const totals = new Map<string, number | undefined>();
    const sources = liveEntries(buildMatrix(facts, orgId), orgId).map(
      (entry) => new UrlSource(entry, pools, used, totals),
    );

    const loadStart = loadavg()[0] ?? NaN;
    writer = new LiveWriter(server.url, token, orgId, containerIds, writeIntervalMs);
    writer.start();
    console.log(
      `Writer at ${String(1000 / writeIntervalMs)} events/s; warm-up pass over ${sources.length} entries…`,
    );
    await warmUp(client, sources);

    writer.enterPhase("afterWrites");
    console.log(`A. Each entry for ${String(options.seconds)} s, every request after an acknowledged write…`);
    const afterWrites = await measureAfterWrites(sources, client, writer, {
      seconds: options.seconds,
      maxRuns: options.requests,
    });

    writer.enterPhase("aggregates");
    const aggregates = aggregateEntries(orgId, pools, { oldestMs: pools.oldestMs, newestMs: facts.newestMs });
    console.log(
      `C. The dashboard's facet and histogram requests, each for ${String(options.seconds)} s, after writes…`,
    );
    const aggregated = await measureAggregates(aggregates, client, writer, {
      seconds: options.seconds,
      maxRuns: options.requests,
    });

    writer.enterPhase("load");
    console.log(`B. ${String(connections)} clients on distinct URLs for ${String(options.loadSeconds)} s…`);
    // per_page 1000 stays out: the targets are for pages of 50, and its pages are 20 times the work.
    const listed = sources.filter((source) => perPageOf(source.entry) === defaultPerPage);
    const measured = server;
    const load = await measureDistinctLoad(listed, [server.url], token, {
      connections,
      seconds: options.loadSeconds,
      serverCpuMs: () => measured.cpuMs(),
    });
    if (options.servers > 1) {
      writer.enterPhase("shared");
      for (let n = 1; n < options.servers; n++) extra.push(await startServerOn(root, target, staticDir));
      const shared = [measured, ...extra];
      console.log(`B'. The same over ${String(shared.length)} servers on the database…`);
      sharedLoad = await measureDistinctLoad(
        listed,
        shared.map((each) => each.url),
        token,
        {
          connections,
          seconds: options.loadSeconds,
          serverCpuMs: () => shared.reduce((sum, each) => sum + each.cpuMs(), 0),
        },
      );
    }
    await writer.stop();
    const loadEnd = loadavg()[0] ?? NaN;
    const peakRss = server.peakRss();
    client.close();
    await server.stop();
    server = undefined;
    await Promise.all(extra.splice(0).map((each) => each.stop()));

    const targets = liveTargets(seed.events);
    const writes = {
      afterWrites: writer.figures("afterWrites"),
      aggregates: writer.figures("aggregates"),
      load: writer.figures("load"),
      shared: writer.figures("shared"),
    };
    const results: LiveResults = {
      date: new Date().toISOString(),
      mode: "live",
      machine: { ...machine(), loadAverage: { start: loadStart, end: loadEnd } },
      options,
      seed,
      store,
      database,
      server: { rssAfterStart, peakRss },
      writer: { intervalMs: writeIntervalMs, ...writes },
      targets,
      afterWrites,
      aggregates: aggregated,
      load,
      ...(sharedLoad ? { shared: { servers: options.servers, load: sharedLoad } } : {}),
      distinctUrls: used.size,
      checks: liveChecks(targets, afterWrites, aggregated, load, writes.load),
    };
    printLiveReport(results);
    writeLiveJson(resultsFile, results);
    console.log(`Figures written to ${resultsFile}`);
  } finally {
    await writer?.stop();
    await server?.stop();
    await Promise.all(extra.map((each) => each.stop()));
    if (options.keep) console.log(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}
