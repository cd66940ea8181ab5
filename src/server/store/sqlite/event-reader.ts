import type Database from "better-sqlite3";
import type { Container } from "../../../contract/container";
import type { Event } from "../../../contract/event";
import type { ContainerFilter, EventFilter } from "../../../contract/filter-fields";
import type { ContainerSortField, EventSortField } from "../../../contract/sort-fields";
import type { SortTerm } from "../../../contract/sort-grammar";
import { changeVersion, type ChangeVersion } from "./change-version";
import { containerQueries } from "./container-queries";
import { CountCache } from "./count-cache";
import type {
  EventScope,
  ExportOptions,
  FacetGroups,
  HistogramBuckets,
  PageOf,
  PageRequest,
} from "../event-store";
import type { FacetField } from "../../../contract/facets";
import { eventQueries } from "./event-queries";
import type { ReadCsv } from "./export-csv";
import { lookupQueries } from "./lookup-queries";
import { openDatabase } from "./open-database";
import { statementCache } from "./statement-cache";
import { trigramDocuments } from "./trigram-documents";

/**
 * The reads that may take long, on one connection: a read thread runs one (see read-threads.ts), and an
 * in-memory store runs one on its only connection. Exports are kept here between chunks, by id.
 */
export type EventReader = {
  listEvents(
    scope: EventScope,
    filter: EventFilter,
    sort: SortTerm<EventSortField>[],
    page: PageRequest,
  ): PageOf<Event>;
  countEvents(scope: EventScope, filter: EventFilter): number;
  histogram(scope: EventScope, filter: EventFilter, buckets: HistogramBuckets): [number, number][];
  facetGroups(scope: EventScope, filter: EventFilter, fields: readonly FacetField[]): FacetGroups;
  eventsAfter(scope: EventScope, filter: EventFilter, afterId: number, limit: number): Event[];
  listContainers(
    orgIds: readonly number[],
    filter: ContainerFilter,
    sort: SortTerm<ContainerSortField>[],
    page: PageRequest,
  ): PageOf<Container>;
  /** The export's row count, and the id its chunks are asked for by (none when it holds no rows). */
  startExport(
    scope: EventScope,
    filter: EventFilter,
    sort: SortTerm<EventSortField>[],
    options: ExportOptions,
  ): { total: number; exportId: number | undefined };
  /** The export's next rows as UTF-8 CSV; undefined (and the export forgotten) once it is over. */
  exportChunk(exportId: number): Uint8Array | undefined;
  endExport(exportId: number): void;
  /** After a seed replaced the data wholesale: nothing remembered holds. */
  forget(): void;
  close(): void;
};

type ReaderConnections = {
  db: Database.Database;
  changes: ChangeVersion;
  /** Where exports read (a connection whose small page cache leaves the lists' alone), opened on first use. */
  exportConnection: () => Database.Database;
  /** Closes what the reader opened (not `db` when it belongs to someone else). */
  closeConnections: () => void;
};

export function eventReader({
  db,
  changes,
  exportConnection,
  closeConnections,
}: ReaderConnections): EventReader {
  const statement = statementCache(db);
  const counts = new CountCache(db, changes);
  const lookups = lookupQueries(statement);
  const containers = containerQueries(statement);
  const trigrams = trigramDocuments(statement);
  const events = eventQueries({ statement, trigrams, counts, orgRanks: lookups.orgRanks, exportConnection });
  const exports = new Map<number, ReadCsv>();
  const encoder = new TextEncoder();
  let lastExportId = 0;

  return {
    listEvents: events.list,
    countEvents: events.count,
    histogram: events.histogram,
    facetGroups: events.facetGroups,
    eventsAfter: events.after,
    listContainers: containers.list,
    startExport(scope, filter, sort, options) {
      const { total, csv } = events.export(scope, filter, sort, options);
      if (!csv) return { total, exportId: undefined };
      const exportId = ++lastExportId;
      exports.set(exportId, csv);
      return { total, exportId };
    },
    exportChunk(exportId) {
      const text = exports.get(exportId)?.();
      if (text === undefined) {
        exports.delete(exportId);
        return undefined;
      }
      return encoder.encode(text);
    },
    endExport(exportId) {
      exports.delete(exportId);
    },
    forget() {
      lookups.forget();
      trigrams.forget();
      counts.clear();
    },
    close() {
      exports.clear();
      closeConnections();
    },
  };
}

/** A reader on connections of its own to `file`, as a read thread opens it. */
export function fileReader(file: string): EventReader {
  const db = openDatabase(file, { readonly: true });
  let exportDb: Database.Database | undefined;
  return eventReader({
    db,
    changes: changeVersion(db),
    exportConnection: () => (exportDb ??= exportDatabase(file)),
    closeConnections() {
      exportDb?.close();
      db.close();
    },
  });
}

/**
 * An export reads every page once, in index order: mapping the file (up to 256 MB) or caching 64 MB of pages
 * only adds to the server's RSS (measured at 1M events: 342 MB peak, 9 MB growth without).
 */
export function exportDatabase(file: string): Database.Database {
  const db = openDatabase(file, { readonly: true });
  db.pragma("mmap_size = 0");
  db.pragma("cache_size = -2048");
  return db;
}
