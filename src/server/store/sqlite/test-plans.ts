import Database from "better-sqlite3";
import type { Event } from "../../../contract/event";
import type { EventFilter } from "../../../contract/filter-fields";
import type { EventSortField } from "../../../contract/sort-fields";
import type { SortTerm } from "../../../contract/sort-grammar";
import { compileEventPage, type EventQuery, type Plan } from "./compile-event-query";
import { prepareEventQuery } from "./event-queries";
import { walkOf } from "./event-query-plan";
import { toEvent, type EventListRow } from "../event-list-row";
import type { EventScope } from "../event-store";
import { statementCache } from "./statement-cache";
import { trigramDocuments } from "./trigram-documents";

/** Runs a list query under a chosen plan, bypassing the planner, so tests can check every plan answers alike. */
export function planRunner(file: string) {
  const db = new Database(file, { readonly: true });
  const statement = statementCache(db);
  const trigrams = trigramDocuments(statement);
  const ranks = new Map(
    db.prepare("SELECT id, name_rank FROM organisations").raw(true).all() as [number, number][],
  );
  /** The query and the plan of that kind, or undefined when the query has no walk (or matches nothing). */
  function prepare(
    kind: Plan["kind"],
    scope: EventScope,
    filter: EventFilter,
    sort: SortTerm<EventSortField>[],
  ): { query: EventQuery; plan: Plan } | undefined {
    const query = prepareEventQuery(statement, ranks, trigrams, scope, filter, sort);
    if (!query) return undefined;
    const walk = walkOf(query);
    if (kind === "walk" && !walk) return undefined;
    return {
      query,
      plan: kind === "walk" && walk ? { kind: "walk", index: walk.index } : { kind: "filter" },
    };
  }

  return {
    statement,
    prepare,
    /** Rows under the plan, or undefined when the query has no walk (or matches nothing). */
    list(
      kind: Plan["kind"],
      scope: EventScope,
      filter: EventFilter,
      sort: SortTerm<EventSortField>[],
      page: { limit: number; offset: number; fromEnd?: boolean } = { limit: 1_000_000, offset: 0 },
    ): { rows: Event[]; sql: string; params: unknown[] } | undefined {
      const prepared = prepare(kind, scope, filter, sort);
      if (!prepared) return undefined;
      const { sql, params } = compileEventPage(prepared.query, prepared.plan, { fromEnd: false, ...page });
      return { rows: (statement(sql).all(...params) as EventListRow[]).map(toEvent), sql, params };
    },
    explain(sql: string, params: unknown[]): string[] {
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
        (r) => r.detail,
      );
    },
    close: () => db.close(),
  };
}
