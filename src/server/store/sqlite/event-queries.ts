import type Database from "better-sqlite3";
import type { Event } from "../../../contract/event";
import type { EventFilter } from "../../../contract/filter-fields";
import type { EventSortField } from "../../../contract/sort-fields";
import type { SortTerm } from "../../../contract/sort-grammar";
import {
  compileEventCount,
  compileEventCountAfter,
  compileEventFacet,
  compileEventHistogram,
  compileEventPage,
  compileEventsAfter,
  type CompiledSql,
  type EventQuery,
} from "./compile-event-query";
import type { CountCache } from "./count-cache";
import { descriptionMatch, eventConditions } from "./event-conditions";
import { choosePlan } from "./event-query-plan";
import { toEvent, type EventListRow } from "../event-list-row";
import type {
  EventScope,
  ExportOptions,
  FacetGroups,
  HistogramBuckets,
  PageOf,
  PageRequest,
} from "../event-store";
import type { FacetField } from "../../../contract/facets";
import type { FacetGroup } from "../facet-columns";
import { defaultChunkRows, exportChunks } from "./export-chunks";
import { exportCsv, type ReadCsv } from "./export-csv";
import { resolveEventFilter } from "./resolve-event-filter";
import { statementCache, type StatementCache } from "./statement-cache";
import type { TrigramDocuments } from "./trigram-documents";

type Deps = {
  statement: StatementCache;
  trigrams: TrigramDocuments;
  counts: CountCache;
  /** Organisation id → rank of its name, for sorting by organisation. */
  orgRanks: () => ReadonlyMap<number, number>;
  /** The connection CSV exports read on, a chunk at a time. */
  exportConnection: () => Database.Database;
};

export type EventQueries = {
  list: (
    scope: EventScope,
    filter: EventFilter,
    sort: SortTerm<EventSortField>[],
    page: PageRequest,
  ) => PageOf<Event>;
  count: (scope: EventScope, filter: EventFilter) => number;
  histogram: (scope: EventScope, filter: EventFilter, buckets: HistogramBuckets) => [number, number][];
  facetGroups: (scope: EventScope, filter: EventFilter, fields: readonly FacetField[]) => FacetGroups;
  after: (scope: EventScope, filter: EventFilter, afterId: number, limit: number) => Event[];
  /** How many rows the export holds, and its CSV a chunk at a time (none when it holds no rows). */
  export: (
    scope: EventScope,
    filter: EventFilter,
    sort: SortTerm<EventSortField>[],
    options?: ExportOptions,
  ) => { total: number; csv: ReadCsv | undefined };
};

/** The query, or undefined when nothing can match (unknown names, organisations outside the reach). */
export function prepareEventQuery(
  statement: StatementCache,
  orgRanks: ReadonlyMap<number, number>,
  trigrams: TrigramDocuments,
  scope: EventScope,
  filter: EventFilter,
  sort: SortTerm<EventSortField>[],
): EventQuery | undefined {
  const resolved = resolveEventFilter(statement, filter);
  if (!resolved) return undefined;
  const named = resolved.organisationIds;
  const orgIds = [...new Set(scope.orgIds)]
    .filter((id) => !named || named.includes(id))
    .sort((a, b) => a - b);
  if (orgIds.length === 0) return undefined;
  return {
    orgs: orgIds.map((id) => ({ id, rank: orgRanks.get(id) ?? 0 })),
    conditions: eventConditions(scope, resolved),
    match: descriptionMatch(resolved, trigrams.documents),
    sort,
  };
}

export function eventQueries({
  statement,
  trigrams,
  counts,
  orgRanks,
  exportConnection,
}: Deps): EventQueries {
  let exportStatements: StatementCache | undefined;
  const exportStatement: StatementCache = (sql) =>
    (exportStatements ??= statementCache(exportConnection()))(sql);

  const prepare = (scope: EventScope, filter: EventFilter, sort: SortTerm<EventSortField>[]) =>
    prepareEventQuery(statement, orgRanks(), trigrams, scope, filter, sort);

  const run = ({ sql, params }: CompiledSql) =>
    new Map(
      statement(sql)
        .raw(true)
        .all(...params) as [number, number][],
    );

  /** Matching rows per organisation, and the largest event id the counts include. */
  function countSnapshot(query: EventQuery) {
    const compiled = compileEventCount(query);
    return counts.snapshot(JSON.stringify([compiled.sql, compiled.params]), {
      all: () => run(compiled),
      after: (id) => run(compileEventCountAfter(query, id)),
    });
  }

  const countByOrg = (query: EventQuery) => countSnapshot(query).counts;
  const sum = (counts: ReadonlyMap<number, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  const count = (query: EventQuery) => sum(countByOrg(query));

  return {
    list(scope, filter, sort, page) {
      const query = prepare(scope, filter, sort);
      const total = query ? count(query) : 0;
      const offset = (page.page - 1) * page.perPage;
      if (!query || offset >= total) return { rows: [], total };
      // Past the middle, the page is fewer rows from the end than from the start.
      const limit = Math.min(page.perPage, total - offset);
      const fromEnd = total - offset - limit < offset;
      const skip = fromEnd ? total - offset - limit : offset;
      const { plan, query: narrowed } = choosePlan(query, skip + limit, countByOrg);
      const { sql, params } = compileEventPage(narrowed, plan, { limit, offset: skip, fromEnd });
      const rows = statement(sql).all(...params) as EventListRow[];
      return { rows: rows.map(toEvent), total };
    },

    count(scope, filter) {
      const query = prepare(scope, filter, []);
      return query ? count(query) : 0;
    },

    facetGroups(scope, filter, fields) {
      const query = prepare(scope, filter, []);
      const groups: FacetGroups = {};
      for (const field of fields) {
        if (!query) {
          groups[field] = [];
          continue;
        }
        const { sql, params } = compileEventFacet(query, field);
        groups[field] = statement(sql).all(...params) as FacetGroup[];
      }
      return groups;
    },

    histogram(scope, filter, buckets) {
      const query = prepare(scope, filter, []);
      if (!query) return [];
      const { sql, params } = compileEventHistogram(query, buckets);
      return statement(sql)
        .raw(true)
        .all(...params) as [number, number][];
    },

    after(scope, filter, afterId, limit) {
      const query = prepare(scope, filter, []);
      if (!query) return [];
      const { sql, params } = compileEventsAfter(query, afterId, limit);
      return (statement(sql).all(...params) as EventListRow[]).map(toEvent);
    },

    export(scope, filter, sort, options = {}) {
      const query = prepare(scope, filter, sort);
      if (!query) return { total: 0, csv: undefined };
      // The export holds the events its count saw: those up to the largest id in the count's snapshot.
      const snapshot = countSnapshot(query);
      const total = sum(snapshot.counts);
      if (total === 0) return { total, csv: undefined };
      const { plan, query: narrowed } = choosePlan(query, total, countByOrg);
      const chunks = exportChunks({
        statement: exportStatement,
        query: narrowed,
        plan,
        upToId: snapshot.maxId,
        total,
        chunkRows: options.chunkRows ?? defaultChunkRows,
      });
      return { total, csv: exportCsv(chunks) };
    },
  };
}
