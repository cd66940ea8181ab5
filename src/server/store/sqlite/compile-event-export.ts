import { orderedSelect, type CompiledSql, type EventQuery, type Plan } from "./compile-event-query";
import type { Condition } from "./event-conditions";
import { eventJoins, exportColumns } from "./event-projection";
import { eventSortKeys, orderKeys } from "./event-sort-keys";
import { termHolds, termSql, type KeyTerm } from "./export-keyset";

/** Part of an export: the rows of one keyset step (all rows: no terms) among the events up to `upToId`. */
export type ExportChunk = { upToId: number; step: readonly KeyTerm[]; limit: number };

const orgRank = eventSortKeys.organisation.column;

const asConditions = (terms: readonly KeyTerm[]): Condition[] =>
  terms.map((term) => ({ ...termSql(term), role: "other" }));

const upTo = (id: number): Condition => ({ sql: "e.id <= ?", params: [id], role: "other" });

/**
 * Up to `limit` rows of the chunk as CSV cells (`csvColumns` order) followed by the sort keys, in order;
 * undefined when no row can match. A walk arm reads one organisation, whose rank is known here: the
 * step's terms on the rank are decided now, which drops the arms of other ranks instead of having them
 * read their whole range only to find the term false. Keys the step holds to one value are not sorted by.
 */
export function compileEventExportChunk(
  query: EventQuery,
  plan: Plan,
  chunk: ExportChunk,
): CompiledSql | undefined {
  const { step, limit } = chunk;
  // `id < (an id of the snapshot)` keeps to the snapshot already. Given two upper bounds on the id, SQLite
  // seeks by one and checks the other row by row: from the snapshot's end, in every chunk.
  const bound = step.some((term) => term.expr === eventSortKeys.id.column && term.op === "<")
    ? []
    : [upTo(chunk.upToId)];
  let orgs = query.orgs;
  let extra = () => [...bound, ...asConditions(step)];
  if (plan.kind === "walk") {
    const byRank = step.filter((term) => term.expr === orgRank);
    const rest = asConditions(step.filter((term) => term.expr !== orgRank));
    orgs = orgs.filter((org) => byRank.every((term) => termHolds(term, org.rank)));
    extra = () => [...bound, ...rest];
  }
  if (orgs.length === 0) return undefined;
  const fixed = new Set(
    step.filter((term) => term.op === "=" || term.op === "IS NULL").map((term) => term.expr),
  );
  const keys = orderKeys(query.sort).map((key) => ({ ...key, fixed: fixed.has(key.expr) }));
  const select = orderedSelect({ ...query, orgs }, plan, exportColumns, eventJoins.export, keys, extra);
  return { sql: `${select.sql} LIMIT ?`, params: [...select.params, limit] };
}

/** The ids of every matching event up to `upToId`, in order (first column; the sort keys follow). */
export function compileEventExportIds(query: EventQuery, plan: Plan, upToId: number): CompiledSql {
  return orderedSelect(query, plan, "e.id AS id", "", orderKeys(query.sort), () => [upTo(upToId)]);
}

/** The CSV cells of the events a JSON array of ids names, in the array's order. */
export const exportRowsByIdSql =
  `SELECT ${exportColumns} FROM json_each(?) AS j CROSS JOIN events e ON e.id = j.value` +
  `${eventJoins.export} ORDER BY j.key`;
