import type { BundleFigures } from "./bundle-size";
import type { ExplainedEntry } from "./explain-slow";
import type { CliCsvFigures, HttpCsvFigures } from "./measure-csv";
import type { HttpFigures } from "./measure-http";
import type { IngestFigures } from "./measure-ingest";
import type { LighthouseFigures } from "./measure-lighthouse";
import type { LoadFigures } from "./measure-load";
import type { SortClickFigures } from "./measure-sort-click";
import type { StoreFigures } from "./measure-store";
import type { BenchOptions } from "./options";
import type { StoreSize } from "./seed-store";
import type { DatabaseFacts } from "./store-target";
import type { LatencySummary } from "./stats";

type EntryHead = { name: string; group: string; path: string; perPage: number };

/** An entry the server or the store could not answer (a 500, a crash): the bench goes on without it. */
export type FailedEntry = EntryHead & { error: string };

export type EntryResult = MeasuredEntry | FailedEntry;

export type MeasuredEntry = EntryHead & {
  /** Repeated requests: the count cache is warm after the first (paging, re-rendering). */
  http: HttpFigures;
  /** Every request after a write elsewhere, so the count is recomputed (a new filter, a new view). */
  httpCold: LatencySummary;
  /** `listEvents` in the bench's process: no HTTP, no JSON. */
  direct: StoreFigures;
};

export type Skipped = { skipped: string };

/** A browser measurement with the 1-minute load average before and after it: it shares the two cores too. */
export type UnderLoad<T> = T & { loadAverage: { start: number; end: number } };

export type BenchResults = {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    sqlite: string;
    /** 1-minute load average at the start and the end: other work on the machine skews the figures. */
    loadAverage: { start: number; end: number };
  };
  options: BenchOptions;
  seed: { events: number; seconds: number | undefined; reused: boolean };
  store: StoreSize;
  database: DatabaseFacts;
  server: { rssAfterStart: number; peakRssMatrix: number };
  matrix: EntryResult[];
  /** The slowest entries' statements with their query plans. */
  explained: ExplainedEntry[];
  load: LoadFigures;
  /** The HTTP export, and the same rows by the database's own shell (sqlite3 -csv, or psql and COPY). */
  csv: { http: HttpCsvFigures; cli: CliCsvFigures | Skipped } | Skipped;
  bundle: BundleFigures | Skipped;
  lighthouse: UnderLoad<LighthouseFigures> | Skipped;
  sortClick: UnderLoad<SortClickFigures> | Skipped;
  ingest: IngestFigures | Skipped;
};

export function isMeasured(entry: EntryResult): entry is MeasuredEntry {
  return !("error" in entry);
}

export function isSkipped(value: object): value is Skipped {
  return "skipped" in value;
}
