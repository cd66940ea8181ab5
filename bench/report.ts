import type { ExplainedEntry } from "./explain-slow";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { isMeasured, isSkipped, type BenchResults, type EntryResult, type MeasuredEntry } from "./results";
import { checkTargets, entryMeetsP99, formatMb, formatMs, targets } from "./targets";

const whole = (n: number) => (Number.isNaN(n) ? "—" : Math.round(n).toLocaleString("en-US"));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : "—");
const verdict = (pass: boolean | undefined) => (pass === undefined ? "—" : pass ? "pass" : "FAIL");

/** A Markdown table, padded so it also reads well in a terminal. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(head), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

function entryVerdict(entry: MeasuredEntry): string {
  const warm = entryMeetsP99(entry.http.p99, entry);
  const cold = entryMeetsP99(entry.httpCold.p99, entry);
  if (warm === undefined || cold === undefined) return "—";
  if (warm && cold) return "pass";
  return warm ? "FAIL cold" : "FAIL";
}

export function matrixTable(results: BenchResults): string {
  const { backend } = results.database;
  return table(
    [
      "entry",
      "rows",
      "HTTP p50",
      "HTTP p99",
      "req/s",
      "cold p50",
      "cold p99",
      `${backend} p50`,
      `${backend} cold p50`,
      "first load p50",
      `HTTP/${backend}`,
      `cold HTTP/${backend}`,
      `p99 < ${targets.entryP99Ms} ms`,
    ],
    results.matrix.map((entry) => (isMeasured(entry) ? entryRow(entry) : failedRow(entry))),
  );
}

function failedRow(entry: EntryResult): string[] {
  return [entry.name, "error", ..."———————————".split(""), "FAIL"];
}

function entryRow(entry: MeasuredEntry): string[] {
  return [
    entry.name,
    whole(entry.http.total),
    formatMs(entry.http.p50),
    formatMs(entry.http.p99),
    whole(entry.http.rps),
    formatMs(entry.httpCold.p50),
    formatMs(entry.httpCold.p99),
    formatMs(entry.direct.warm.p50),
    formatMs(entry.direct.cold.p50),
    formatMs(entry.direct.first.p50),
    ratio(entry.http.p50, entry.direct.warm.p50),
    ratio(entry.httpCold.p50, entry.direct.cold.p50),
    entryVerdict(entry),
  ];
}

export function failures(results: BenchResults): string {
  return results.matrix
    .filter((entry) => !isMeasured(entry))
    .map((entry) => `- ${entry.name} (${entry.path}): ${"error" in entry ? entry.error : ""}`)
    .join("\n");
}

export function checksTable(results: BenchResults): string {
  return table(
    ["target", "figure", "target value", "result"],
    checkTargets(results).map((check) => [check.what, check.figure, check.target, verdict(check.pass)]),
  );
}

export function otherFigures(results: BenchResults): string {
  const lines = [
    `seeding: ${results.seed.seconds === undefined ? "store reused" : `${results.seed.seconds.toFixed(1)} s`} for ${whole(results.seed.events)} events`,
    results.database.backend === "SQLite"
      ? `store: ${formatMb(results.store.total)} (db ${formatMb(results.store.db)}, wal ${formatMb(results.store.wal)}, shm ${formatMb(results.store.shm)})`
      : `store: ${formatMb(results.store.total)} (pg_database_size of ${results.database.location})`,
    `server RSS after start: ${formatMb(results.server.rssAfterStart)}; peak over the matrix and load run: ${formatMb(results.server.peakRssMatrix)}`,
    `load average (1 min) ${results.machine.loadAverage.start.toFixed(2)} at the start, ${results.machine.loadAverage.end.toFixed(2)} at the end of the matrix`,
    `${results.load.connections} clients × ${results.load.seconds} s (${results.load.tool}), default view: ${whole(results.load.rps)} req/s, p50 ${formatMs(results.load.p50)} ms, p99 ${formatMs(results.load.p99)} ms, ${results.load.errors} errors`,
  ];
  const { csv, bundle, ingest } = results;
  if (isSkipped(ingest)) lines.push(`ingest: ${ingest.skipped}`);
  else {
    for (const run of [ingest.single, ingest.bulk]) {
      lines.push(
        `ingest, ${String(run.writers)} writers × ${whole(run.eventsPerPost)} event(s) per POST: ${whole(run.eventsPerSecond)} events/s acknowledged; POST p50 ${formatMs(run.posts.p50)} ms, p99 ${formatMs(run.posts.p99)} ms; ${String(run.refused)} refused${run.firstRefusal === undefined ? "" : ` (first: ${run.firstRefusal})`}`,
      );
    }
  }
  if (isSkipped(csv)) {
    lines.push(`CSV: ${csv.skipped}`);
  } else {
    const { http } = csv;
    lines.push(
      `CSV over HTTP: ${whole(http.rows)} rows (x-total-count ${whole(http.totalHeader)}), ${formatMb(http.bytes)} in ${http.seconds.toFixed(2)} s = ${whole(http.rowsPerSecond)} rows/s; server peak RSS ${formatMb(http.peakRss)} (largest sample: heap ${formatMb(http.sampledRss.anon)} + mapped file ${formatMb(http.sampledRss.file)})`,
    );
    const { cli } = csv;
    lines.push(
      isSkipped(cli)
        ? `the same export by the database's shell: ${cli.skipped}`
        : `${cli.command} (${cli.version}): ${whole(cli.rows)} rows, ${formatMb(cli.bytes)} in ${cli.seconds.toFixed(2)} s = ${whole(cli.rowsPerSecond)} rows/s; HTTP/${cli.command} time ${ratio(http.seconds, cli.seconds)}; same ids in the same order: ${cli.rows === http.rows && cli.hash === http.hash ? "yes" : "NO"}`,
    );
  }
  if (isSkipped(bundle)) {
    lines.push(`initial JavaScript: ${bundle.skipped}`);
  } else {
    lines.push(
      `initial JavaScript: ${bundle.files.length} file(s), ${(bundle.bytes / 1024).toFixed(1)} KB raw, ${(bundle.gzip / 1024).toFixed(1)} KB gzip (${bundle.files.map((file) => `${file.path} ${(file.gzip / 1024).toFixed(1)} KB`).join(", ")})`,
    );
  }
  lines.push(...browserFigures(results));
  return lines.map((line) => `- ${line}`).join("\n");
}

const load = ({ start, end }: { start: number; end: number }) =>
  `load average ${start.toFixed(2)} → ${end.toFixed(2)}`;

function browserFigures(results: BenchResults): string[] {
  const { lighthouse, sortClick } = results;
  const lines: string[] = [];
  if (isSkipped(lighthouse)) {
    lines.push(`Lighthouse: ${lighthouse.skipped}`);
  } else {
    lines.push(
      `Lighthouse ${lighthouse.lighthouseVersion}, Chromium ${lighthouse.chromium}: ${lighthouse.url} signed in, cold load, simulated throttling, median of ${lighthouse.mobile.scores.length} runs; ${load(lighthouse.loadAverage)}`,
    );
    for (const profile of ["mobile", "desktop"] as const) {
      const run = lighthouse[profile];
      const shift = run.largestShift
        ? `${run.largestShift.element} (${run.largestShift.score.toFixed(3)})`
        : "none";
      const retried = run.retried.length > 0 ? `; runs repeated after ${run.retried.join(", ")}` : "";
      lines.push(
        `Lighthouse ${profile}: LCP element ${run.lcpElement}; largest layout shift ${shift}${retried}`,
      );
    }
  }
  if (isSkipped(sortClick)) {
    lines.push(`sort click → rows on screen: ${sortClick.skipped}`);
  } else {
    const bySort = new Map<string, string[]>();
    for (const sample of sortClick.samples) {
      bySort.set(sample.sort, [...(bySort.get(sample.sort) ?? []), formatMs(sample.ms)]);
    }
    const each = [...bySort].map(([sort, ms]) => `${sort} ${ms.join("/")}`).join(", ");
    lines.push(
      `sort click → rows on screen: ${sortClick.samples.length} clicks (${sortClick.rounds} page loads × ${bySort.size} sorts), p50 ${formatMs(sortClick.p50)} ms, max ${formatMs(sortClick.max)} ms (rows in the DOM p50 ${formatMs(sortClick.domP50)} ms); ms by sort: ${each}; ${load(sortClick.loadAverage)}`,
    );
  }
  return lines;
}

export function lighthouseTable(results: BenchResults): string | undefined {
  const { lighthouse } = results;
  if (isSkipped(lighthouse)) return undefined;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return table(
    ["Lighthouse", "score", "runs", "FCP", "LCP", "TBT", "CLS", "Speed Index"],
    (["mobile", "desktop"] as const).map((profile) => {
      const run = lighthouse[profile];
      return [
        profile,
        String(run.score),
        run.scores.join(", "),
        seconds(run.fcpMs),
        seconds(run.lcpMs),
        `${Math.round(run.tbtMs)} ms`,
        run.cls.toFixed(3),
        seconds(run.speedIndexMs),
      ];
    }),
  );
}

export function queryPlans(explained: readonly ExplainedEntry[]): string {
  return explained
    .map((entry) => {
      const statements = entry.statements.map(
        (statement) =>
          `  ${formatMs(statement.ms)} ms  ${statement.sql}\n  params ${JSON.stringify(statement.params)}\n${statement.plan
            .split("\n")
            .filter((line) => line !== "")
            .map((line) => `    ${line}`)
            .join("\n")}`,
      );
      return [`### ${entry.name}  (${entry.path})`, ...statements].join("\n");
    })
    .join("\n\n");
}

export function printReport(results: BenchResults): void {
  const { machine, database } = results;
  console.log(
    `\n## EventDesk bench, ${results.date}: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, node ${machine.node}, ${database.backend} ${database.version} (${database.location})\n`,
  );
  console.log(`${matrixTable(results)}\n`);
  const failed = failures(results);
  if (failed !== "") console.log(`Entries that failed:\n${failed}\n`);
  console.log(`${otherFigures(results)}\n`);
  const lighthouse = lighthouseTable(results);
  if (lighthouse !== undefined) console.log(`${lighthouse}\n`);
  console.log(`${checksTable(results)}\n`);
  if (results.explained.length > 0) {
    console.log(
      `## Query plans (count cache emptied first; slowest entries and every entry missing a target)\n`,
    );
    console.log(`${queryPlans(results.explained)}\n`);
  }
}

export function writeJson(file: string, results: BenchResults): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...results, targets: checkTargets(results) }, null, 2)}\n`);
}
