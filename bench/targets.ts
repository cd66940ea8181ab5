import { isMeasured, isSkipped, type BenchResults, type EntryResult } from "./results";

export type Check = { what: string; figure: string; target: string; pass: boolean | undefined };

const mb = 1024 * 1024;
const millionEvents = 1_000_000;

export const targets = {
  entryP99Ms: 30,
  defaultP50Ms: 5,
  loadRps: 1500,
  loadP99Ms: 50,
  seedSecondsPerMillion: 60,
  storeBytesPerMillion: 1024 * mb,
  csvRowsPerSecond: 100_000,
  csvVsSqlite: 1.5,
  csvPeakRss: 150 * mb,
  initialJsGzip: 180 * 1024,
  lighthouseScore: 95,
  sortClickMs: 300,
};

/** The p99 target applies to every entry at per_page 50. */
export function entryMeetsP99(p99: number, entry: Pick<EntryResult, "perPage">): boolean | undefined {
  return entry.perPage === 50 ? p99 < targets.entryP99Ms : undefined;
}

export const formatMs = (ms: number): string =>
  Number.isNaN(ms) ? "—" : ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
export const formatMb = (bytes: number): string => `${(bytes / mb).toFixed(1)} MB`;
const whole = (n: number) => Math.round(n).toLocaleString("en-US");

/** Every target next to its figure; targets that scale with the data are scaled to the events seeded. */
export function checkTargets(results: BenchResults): Check[] {
  const scale = results.seed.events / millionEvents;
  const scaled = scale === 1 ? "" : ` (scaled to ${whole(results.seed.events)} events)`;
  const listed = results.matrix.filter((entry) => entry.perPage === 50);
  const slowWarm = listed.filter((entry) => !isMeasured(entry) || !entryMeetsP99(entry.http.p99, entry));
  const slowCold = listed.filter((entry) => !isMeasured(entry) || !entryMeetsP99(entry.httpCold.p99, entry));
  const slowFirst = listed.filter(
    (entry) => !isMeasured(entry) || !(entry.direct.first.max < targets.entryP99Ms),
  );
  const defaultView = results.matrix.filter(isMeasured).find((entry) => entry.group === "default");
  const checks: Check[] = [
    {
      what: "default view p50, one client",
      figure: defaultView ? `${formatMs(defaultView.http.p50)} ms` : "—",
      target: `< ${targets.defaultP50Ms} ms`,
      pass: defaultView ? defaultView.http.p50 < targets.defaultP50Ms : undefined,
    },
    {
      what: "p99 per entry (per_page 50), repeated request",
      figure: `${listed.length - slowWarm.length}/${listed.length} entries meet it`,
      target: `< ${targets.entryP99Ms} ms each`,
      pass: slowWarm.length === 0,
    },
    {
      what: "p99 per entry (per_page 50), after a write",
      figure: `${listed.length - slowCold.length}/${listed.length} entries meet it`,
      target: `< ${targets.entryP99Ms} ms each`,
      pass: slowCold.length === 0,
    },
    {
      what: `first load per entry (per_page 50), ${results.database.backend}, slowest of 3`,
      figure: `${listed.length - slowFirst.length}/${listed.length} entries meet it${slowFirst.length > 0 ? `; not: ${slowFirst.map((entry) => entry.name).join(", ")}` : ""}`,
      target: `< ${targets.entryP99Ms} ms each`,
      pass: slowFirst.length === 0,
    },
    {
      what: `${results.load.connections} clients, default view`,
      figure: `${whole(results.load.rps)} req/s`,
      target: `≥ ${whole(targets.loadRps)} req/s`,
      pass: results.load.rps >= targets.loadRps && results.load.errors === 0,
    },
    {
      what: `${results.load.connections} clients p99`,
      figure: `${formatMs(results.load.p99)} ms`,
      target: `< ${targets.loadP99Ms} ms`,
      pass: results.load.p99 < targets.loadP99Ms,
    },
    {
      what: `seeding ${whole(results.seed.events)} events`,
      figure:
        results.seed.seconds === undefined
          ? "not measured (store reused)"
          : `${results.seed.seconds.toFixed(1)} s`,
      target: `< ${(targets.seedSecondsPerMillion * scale).toFixed(1)} s${scaled}`,
      pass:
        results.seed.seconds === undefined
          ? undefined
          : results.seed.seconds < targets.seedSecondsPerMillion * scale,
    },
    {
      what:
        results.database.backend === "SQLite" ? "store on disk (db + wal + shm)" : "database size on disk",
      figure: formatMb(results.store.total),
      target: `< ${formatMb(targets.storeBytesPerMillion * scale)}${scaled}`,
      pass: results.store.total < targets.storeBytesPerMillion * scale,
    },
  ];
  checks.push(...csvChecks(results));
  checks.push({
    what: "initial JavaScript, gzip",
    figure: isSkipped(results.bundle)
      ? results.bundle.skipped
      : `${(results.bundle.gzip / 1024).toFixed(1)} KB`,
    target: `≤ ${targets.initialJsGzip / 1024} KB`,
    pass: isSkipped(results.bundle) ? undefined : results.bundle.gzip <= targets.initialJsGzip,
  });
  checks.push(...browserChecks(results));
  return checks;
}

function browserChecks(results: BenchResults): Check[] {
  const { lighthouse, sortClick } = results;
  const score = `≥ ${targets.lighthouseScore}`;
  const click = `< ${targets.sortClickMs} ms`;
  const lighthouseChecks: Check[] = isSkipped(lighthouse)
    ? [{ what: "Lighthouse performance", figure: lighthouse.skipped, target: score, pass: undefined }]
    : (["mobile", "desktop"] as const).map((profile) => ({
        what: `Lighthouse performance, ${profile === "mobile" ? "mobile (default)" : "desktop preset"}`,
        figure: String(lighthouse[profile].score),
        target: score,
        pass: lighthouse[profile].score >= targets.lighthouseScore,
      }));
  const clickChecks: Check[] = isSkipped(sortClick)
    ? [{ what: "sort click → rows on screen", figure: sortClick.skipped, target: click, pass: undefined }]
    : (["p50", "max"] as const).map((stat) => ({
        what: `sort click → rows on screen, ${stat} of ${sortClick.samples.length}`,
        figure: `${formatMs(sortClick[stat])} ms`,
        target: click,
        pass: sortClick[stat] < targets.sortClickMs,
      }));
  return [...lighthouseChecks, ...clickChecks];
}

function csvChecks(results: BenchResults): Check[] {
  const { csv } = results;
  if (isSkipped(csv)) return [{ what: "CSV export", figure: csv.skipped, target: "—", pass: undefined }];
  const { cli } = csv;
  return [
    {
      what: `CSV export, ${whole(csv.http.rows)} rows`,
      figure: `${whole(csv.http.rowsPerSecond)} rows/s`,
      target: `≥ ${whole(targets.csvRowsPerSecond)} rows/s`,
      pass: csv.http.rowsPerSecond >= targets.csvRowsPerSecond,
    },
    {
      what: `CSV export time vs ${isSkipped(cli) ? "the database's shell" : cli.command}`,
      figure: isSkipped(cli) ? cli.skipped : `${(csv.http.seconds / cli.seconds).toFixed(2)}×`,
      target: `≤ ${targets.csvVsSqlite}×`,
      pass: isSkipped(cli) ? undefined : csv.http.seconds / cli.seconds <= targets.csvVsSqlite,
    },
    {
      what: "server peak RSS during the export",
      figure: `${formatMb(csv.http.peakRss)}${csv.http.peakRssSinceStart ? " (peak since start)" : ""}`,
      target: `< ${formatMb(targets.csvPeakRss)}`,
      pass: csv.http.peakRss < targets.csvPeakRss,
    },
  ];
}
