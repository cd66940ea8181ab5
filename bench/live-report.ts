import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { AggregateResult } from "./live-aggregate-phase";
import type { LiveEntryResult, LoadResult } from "./live-phases";
import { classLimitMs, type LiveTargets } from "./live-targets";
import type { WriterFigures } from "./live-writer";
import type { MachineFacts } from "./machine";
import type { BenchOptions } from "./options";
import { table } from "./report";
import type { SeedResult, StoreSize } from "./seed-store";
import type { DatabaseFacts } from "./store-target";
import { summarise } from "./stats";
import { formatMb, formatMs, type Check } from "./targets";

export type LiveResults = {
  date: string;
  mode: "live";
  machine: MachineFacts & { loadAverage: { start: number; end: number } };
  options: BenchOptions;
  seed: SeedResult;
  store: StoreSize;
  database: DatabaseFacts;
  server: { rssAfterStart: number; peakRss: number };
  writer: {
    intervalMs: number;
    afterWrites: WriterFigures | undefined;
    aggregates: WriterFigures | undefined;
    load: WriterFigures | undefined;
    shared: WriterFigures | undefined;
  };
  targets: LiveTargets;
  /** Phase A: one client, each sample after an acknowledged write. */
  afterWrites: LiveEntryResult[];
  /** Phase C: the dashboard's facet and histogram requests, one client, each sample after a write. */
  aggregates: AggregateResult[];
  /** Phase B: ten clients on distinct URLs while the writer writes. */
  load: LoadResult;
  /** Phase B again, its clients spread over several servers on one PostgreSQL database (`--servers`). */
  shared?: { servers: number; load: LoadResult };
  /** Distinct URLs asked over the whole run (every request is one). */
  distinctUrls: number;
  checks: Check[];
};

const whole = (n: number) => (Number.isNaN(n) ? "—" : Math.round(n).toLocaleString("en-US"));
const verdict = (pass: boolean | undefined) => (pass === undefined ? "—" : pass ? "pass" : "MISS");

function entriesTable(results: LiveResults): string {
  return table(
    [
      "entry",
      "group",
      "target class",
      "samples",
      "new counts",
      "rows",
      "p50",
      "p99",
      "max",
      "p99 target",
      "result",
    ],
    results.afterWrites.map((entry) => {
      const limit = classLimitMs(results.targets, entry.targetClass);
      const { latency } = entry;
      return [
        entry.name,
        entry.group,
        entry.targetClass === "none" ? "— (per_page 1000)" : entry.targetClass,
        `${String(latency.n)}${entry.exhausted ? " (all)" : ""}${entry.errors > 0 ? `, ${String(entry.errors)} errors` : ""}`,
        String(entry.newCounts),
        whole(entry.rows),
        formatMs(latency.p50),
        formatMs(latency.p99),
        formatMs(latency.max),
        limit === undefined ? "—" : `< ${String(limit)} ms`,
        limit === undefined ? "—" : verdict(latency.n > 0 && latency.p99 < limit && entry.errors === 0),
      ];
    }),
  );
}

/** Every sample of a group pooled; then every sample of each target class. */
function groupsTable(entries: readonly LiveEntryResult[]): string {
  const pools = new Map<string, LiveEntryResult[]>();
  for (const entry of entries) pools.set(entry.group, [...(pools.get(entry.group) ?? []), entry]);
  for (const kind of ["structured", "substring"] as const) {
    pools.set(
      `all ${kind}`,
      entries.filter((entry) => entry.targetClass === kind),
    );
  }
  return table(
    ["group", "entries", "samples", "new counts", "p50", "p99", "max"],
    [...pools].map(([group, members]) => {
      const latency = summarise(
        members.flatMap((entry) => entry.samplesMs),
        0,
      );
      return [
        group,
        String(members.length),
        String(latency.n),
        String(members.reduce((sum, entry) => sum + entry.newCounts, 0)),
        formatMs(latency.p50),
        formatMs(latency.p99),
        formatMs(latency.max),
      ];
    }),
  );
}

/** Phase C per entry, then every sample of each kind pooled; all against the structured target. */
function aggregatesTable(results: LiveResults): string {
  const limit = results.targets.structuredP99Ms;
  const row = (name: string, kind: string, urls: string, samplesMs: readonly number[], errors: number) => {
    const latency = summarise(samplesMs, 0);
    return [
      name,
      kind,
      `${String(latency.n)}${errors > 0 ? `, ${String(errors)} errors` : ""}`,
      urls,
      formatMs(latency.p50),
      formatMs(latency.p99),
      formatMs(latency.max),
      `< ${String(limit)} ms`,
      verdict(latency.n > 0 && latency.p99 < limit && errors === 0),
    ];
  };
  const pooled = (kind: AggregateResult["kind"]) => {
    const members = results.aggregates.filter((entry) => entry.kind === kind);
    return row(
      `all ${kind}`,
      kind,
      String(members.reduce((sum, entry) => sum + entry.distinctUrls, 0)),
      members.flatMap((entry) => entry.samplesMs),
      members.reduce((sum, entry) => sum + entry.errors, 0),
    );
  };
  return table(
    ["entry", "kind", "samples", "distinct URLs", "p50", "p99", "max", "p99 target", "result"],
    [
      ...results.aggregates.map((entry) =>
        row(entry.name, entry.kind, String(entry.distinctUrls), entry.samplesMs, entry.errors),
      ),
      pooled("facets"),
      pooled("histogram"),
    ],
  );
}

function loadTable(
  rows: readonly { servers: number; load: LoadResult; posts: WriterFigures | undefined }[],
): string {
  return table(
    [
      "servers",
      "clients",
      "seconds",
      "requests",
      "req/s",
      "p50",
      "p99",
      "max",
      "structured p99",
      "substring p99",
      "new counts",
      "errors",
      "POSTs",
      "POST p50",
      "POST p99",
    ],
    rows.map(({ servers, load, posts }) => [
      String(servers),
      String(load.connections),
      String(load.seconds),
      whole(load.requests),
      whole(load.rps),
      formatMs(load.latency.p50),
      formatMs(load.latency.p99),
      formatMs(load.latency.max),
      formatMs(load.byClass.structured.p99),
      formatMs(load.byClass.substring.p99),
      whole(load.newCounts),
      String(load.errors),
      posts ? `${String(posts.posts.n)} (${posts.eventsPerSecond.toFixed(1)}/s)` : "—",
      posts ? formatMs(posts.posts.p50) : "—",
      posts ? formatMs(posts.posts.p99) : "—",
    ]),
  );
}

const cpuShare = (ms: number, seconds: number) => `${((ms / (seconds * 1000)) * 100).toFixed(0)} %`;

function writerLine(phase: string, figures: WriterFigures | undefined): string {
  if (!figures) return `writer, ${phase}: no POSTs`;
  const refused = figures.refused > 0 ? ` (first: ${figures.firstRefusal ?? ""})` : "";
  return (
    `writer, ${phase}: ${String(figures.acknowledged)} events acknowledged, ${figures.eventsPerSecond.toFixed(1)}/s; ` +
    `POST p50 ${formatMs(figures.posts.p50)} ms, p99 ${formatMs(figures.posts.p99)} ms, max ${formatMs(figures.posts.max)} ms; ` +
    `${String(figures.refused)} refused${refused}; ${String(figures.late)} sent late`
  );
}

export function printLiveReport(results: LiveResults): void {
  const { machine, targets, load, database } = results;
  const loadAverage = `${machine.loadAverage.start.toFixed(2)} → ${machine.loadAverage.end.toFixed(2)}`;
  console.log(
    `\n## EventDesk live bench, ${results.date}: ${whole(results.seed.events)} events, ${String(machine.cpus)} × ${machine.cpuModel}, node ${machine.node}, ${database.backend} ${database.version} (${database.location}); load average ${loadAverage}\n`,
  );
  console.log(
    `### A. One client, each request right after an acknowledged write (writer ${String(1000 / results.writer.intervalMs)}/s), ms\n`,
  );
  console.log(`${entriesTable(results)}\n`);
  console.log(`${groupsTable(results.afterWrites)}\n`);
  console.log(
    "### C. The dashboard's facet and histogram requests, one client, each right after an acknowledged write, ms\n",
  );
  console.log(`${aggregatesTable(results)}\n`);
  console.log(
    `### B. ${String(load.connections)} clients for ${String(load.seconds)} s, every request a distinct URL, while the writer writes, ms\n`,
  );
  const { shared } = results;
  console.log(
    `${loadTable([
      { servers: 1, load, posts: results.writer.load },
      ...(shared ? [{ ...shared, posts: results.writer.shared }] : []),
    ])}\n`,
  );
  const lines = [
    writerLine("during A", results.writer.afterWrites),
    writerLine("during C", results.writer.aggregates),
    writerLine("during B", results.writer.load),
    `distinct URLs over the run: ${whole(results.distinctUrls)} (no URL was asked twice)`,
    `CPU during B: server ${cpuShare(load.cpuMs.server, load.seconds)} of one core, ${formatMs(load.cpuMs.server / Math.max(1, load.requests + (results.writer.load?.posts.n ?? 0)))} ms per request (reads and POSTs); bench ${cpuShare(load.cpuMs.bench, load.seconds)}`,
    `the bench's own event-loop delay during B, p99: ${formatMs(load.benchLoopDelayP99)} ms (it also times the POSTs)`,
    `server RSS after start ${formatMb(results.server.rssAfterStart)}, peak ${formatMb(results.server.peakRss)}`,
    `store: ${results.seed.seconds === undefined ? "reused" : `seeded in ${results.seed.seconds.toFixed(1)} s`}, ${formatMb(results.store.total)} on disk`,
    ...(load.firstError ? [`first error in B: ${load.firstError}`] : []),
    ...(shared
      ? [
          `${String(shared.servers)} servers on one database: ${(shared.load.rps / load.rps).toFixed(2)}× the throughput of one; CPU of the servers ${cpuShare(shared.load.cpuMs.server, shared.load.seconds)} of one core`,
          ...(shared.load.firstError
            ? [`first error over ${String(shared.servers)} servers: ${shared.load.firstError}`]
            : []),
        ]
      : []),
  ];
  console.log(`${lines.map((line) => `- ${line}`).join("\n")}\n`);
  console.log(`### Targets (the issue's ${targets.scale} targets)\n`);
  console.log(
    `${table(
      ["target", "figure", "target value", "result"],
      results.checks.map((check) => [check.what, check.figure, check.target, verdict(check.pass)]),
    )}\n`,
  );
}

export function writeLiveJson(file: string, results: LiveResults): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
