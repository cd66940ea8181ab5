import type { EventSortField } from "../../../contract/sort-fields";
import { compileEventExportChunk, compileEventExportIds, exportRowsByIdSql } from "./compile-event-export";
import type { EventQuery, Plan } from "./compile-event-query";
import type { SqlValue } from "./event-conditions";
import { exportColumnCount } from "./event-projection";
import { eventSortKeys, orderKeys, type OrderKey } from "./event-sort-keys";
import { keysetSteps, type KeyTerm } from "./export-keyset";
import type { StatementCache } from "./statement-cache";

/** Rows one query reads: enough that the queries cost little beside the rows, few enough to hold. */
export const defaultChunkRows = 5000;

/** What an export reads: the events of `query` up to `upToId` (those that existed when it started). */
export type ExportSource = {
  statement: StatementCache;
  query: EventQuery;
  plan: Plan;
  upToId: number;
  /** How many rows that is (decides how the rows are read, not when the reading ends). */
  total: number;
  chunkRows: number;
};

/** The next rows in order, export cells then sort keys: none once the export is over. */
export type ReadChunk = () => unknown[][];

/**
 * Each call runs its queries to completion, so no read transaction stays open between chunks (an open one
 * would keep SQLite from checkpointing the WAL for as long as the client takes). The events are only ever
 * appended, with rising ids, and their sort keys never change, so the rows up to `upToId` in sort order
 * are the same list whenever a chunk reads them.
 */
export function exportChunks(source: ExportSource): ReadChunk {
  return keepsOrder(source.query, source.plan) || source.total <= source.chunkRows
    ? keysetChunks(source)
    : idListChunks(source);
}

/**
 * Whether a chunk can continue where the last one ended by an index seek: a walk reads its arms in index
 * order when the sort names, besides organisations (one per arm) and the id, only the field the walk's
 * index holds (see `walkOf`). Under a second field or a filter plan every chunk would read and sort the
 * rest of its range again.
 */
function keepsOrder(query: EventQuery, plan: Plan): boolean {
  if (plan.kind !== "walk") return false;
  const fields = new Set<EventSortField>();
  for (const term of query.sort) {
    if (term.field === "id") break;
    if (term.field !== "organisation") fields.add(term.field);
  }
  return fields.size <= 1;
}

/** Chunks that each start strictly after the last row's sort keys (see `keysetSteps`). */
export function keysetChunks({ statement, query, plan, upToId, chunkRows }: ExportSource): ReadChunk {
  const keys = orderKeys(query.sort);
  const read = (step: readonly KeyTerm[], limit: number): unknown[][] => {
    const compiled = compileEventExportChunk(query, plan, { upToId, step, limit });
    if (!compiled) return [];
    return statement(compiled.sql)
      .raw(true)
      .all(...compiled.params) as unknown[][];
  };
  let steps: KeyTerm[][] | undefined = [[]];
  return () => {
    const rows: unknown[][] = [];
    for (const step of steps ?? []) {
      for (const row of read(step, chunkRows - rows.length)) rows.push(row);
      if (rows.length === chunkRows) break;
    }
    const last = rows.at(-1);
    steps = last && rows.length === chunkRows ? keysetSteps(keys, keyValues(keys, last)) : undefined;
    return rows;
  };
}

/** The sort keys of an export row: the id is its first cell, the other keys follow the cells. */
function keyValues(keys: readonly OrderKey[], row: readonly unknown[]): SqlValue[] {
  let column = exportColumnCount;
  return keys.map((key) => (key.expr === eventSortKeys.id.column ? row[0] : row[column++]) as SqlValue);
}

/**
 * Chunks by position in the list of ids, read in order by one query when the export starts (8 bytes a row
 * held; sorting whole rows in one query held far more), then each chunk looks its rows up by id.
 */
export function idListChunks({ statement, query, plan, upToId, chunkRows }: ExportSource): ReadChunk {
  let ids: number[] | undefined;
  let at = 0;
  return () => {
    if (!ids) {
      const { sql, params } = compileEventExportIds(query, plan, upToId);
      ids = statement(sql)
        .pluck()
        .all(...params) as number[];
    }
    const slice = ids.slice(at, at + chunkRows);
    at += slice.length;
    if (slice.length === 0) return [];
    return statement(exportRowsByIdSql).raw(true).all(JSON.stringify(slice)) as unknown[][];
  };
}
