import type Database from "better-sqlite3";
import type { CsvValue } from "../../contract/csv";
import type { Event } from "../../contract/event";
import type { EventFilter } from "../../contract/filter-fields";
import type { EventSortField } from "../../contract/sort-fields";
import type { SortTerm } from "../../contract/sort-grammar";
import {
  compileEventCount,
  compileEventCountAfter,
  compileEventExport,
  compileEventPage,
  type CompiledSql,
  type EventQuery,
} from "./compile-event-query";
import type { CountCache } from "./count-cache";
import { descriptionMatch, eventConditions } from "./event-conditions";
import { exportColumnCount } from "./event-projection";
import { choosePlan } from "./event-query-plan";
import { toEvent, type EventListRow } from "./event-row-mapper";
import type { EventScope, PageOf, PageRequest } from "./event-store";
import { isoTimestamp } from "./iso-timestamp";
import { resolveEventFilter } from "./resolve-event-filter";
import type { StatementCache } from "./statement-cache";

type Deps = {
  statement: StatementCache;
  counts: CountCache;
  /** Organisation id → rank of its name, for sorting by organisation. */
  orgRanks: () => ReadonlyMap<number, number>;
  /** A connection that may hold a long read open while this one keeps writing (CSV exports). */
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
  export: (
    scope: EventScope,
    filter: EventFilter,
    sort: SortTerm<EventSortField>[],
  ) => IterableIterator<CsvValue[]>;
  /** Ends every export still streaming (before the connection closes). */
  stopExports: () => void;
};

/** The query, or undefined when nothing can match (unknown names, organisations outside the reach). */
export function prepareEventQuery(
  statement: StatementCache,
  orgRanks: ReadonlyMap<number, number>,
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
    match: descriptionMatch(resolved, (trigram) => {
      const documents = statement("SELECT doc FROM events_fts_vocab WHERE term = ?")
        .pluck()
        .get(trigram.toLowerCase());
      return typeof documents === "number" ? documents : 0;
    }),
    sort,
  };
}

export function eventQueries({ statement, counts, orgRanks, exportConnection }: Deps): EventQueries {
  const streaming = new Set<CsvRows>();

  const prepare = (scope: EventScope, filter: EventFilter, sort: SortTerm<EventSortField>[]) =>
    prepareEventQuery(statement, orgRanks(), scope, filter, sort);

  const run = ({ sql, params }: CompiledSql) =>
    new Map(
      statement(sql)
        .raw(true)
        .all(...params) as [number, number][],
    );

  function countByOrg(query: EventQuery): ReadonlyMap<number, number> {
    const compiled = compileEventCount(query);
    return counts.get(JSON.stringify([compiled.sql, compiled.params]), {
      all: () => run(compiled),
      after: (id) => run(compileEventCountAfter(query, id)),
    });
  }

  const count = (query: EventQuery) => [...countByOrg(query).values()].reduce((a, b) => a + b, 0);

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

    export(scope, filter, sort) {
      const query = prepare(scope, filter, sort);
      const total = query ? count(query) : 0;
      if (!query || total === 0) return emptyRows();
      const { plan, query: narrowed } = choosePlan(query, total, countByOrg);
      const { sql, params } = compileEventExport(narrowed, plan);
      // A statement of its own: two exports of the same view may stream at once.
      const rows = exportConnection()
        .prepare(sql)
        .raw(true)
        .iterate(...params) as IterableIterator<unknown[]>;
      return new CsvRows(rows, streaming);
    },

    stopExports() {
      for (const rows of streaming) rows.return();
    },
  };
}

function emptyRows(): IterableIterator<CsvValue[]> {
  return [][Symbol.iterator]();
}

/** The export rows with the sort keys cut off and the timestamp written as in JSON; `return()` ends the query. */
class CsvRows implements IterableIterator<CsvValue[]> {
  constructor(
    private readonly rows: IterableIterator<unknown[]>,
    private readonly streaming: Set<CsvRows>,
  ) {
    streaming.add(this);
  }

  next(): IteratorResult<CsvValue[]> {
    let next: IteratorResult<unknown[]>;
    try {
      next = this.rows.next();
    } catch (error) {
      this.return();
      throw error;
    }
    if (next.done === true) return this.return();
    const row = next.value as CsvValue[];
    row.length = exportColumnCount;
    row[1] = isoTimestamp(row[1] as number);
    return { done: false, value: row };
  }

  return(): IteratorResult<CsvValue[]> {
    this.streaming.delete(this);
    this.rows.return?.();
    return { done: true, value: undefined };
  }

  [Symbol.iterator](): IterableIterator<CsvValue[]> {
    return this;
  }
}
