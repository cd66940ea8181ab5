import type { SqlValue } from "./event-conditions";
import { eventSortKeys, type OrderKey } from "./event-sort-keys";

/** One sort key compared with the value it had in the last row read. */
export type KeyTerm = { expr: string; op: "=" | "<" | ">" | "IS NULL"; value: SqlValue };

const nullableColumns = new Set(
  Object.values(eventSortKeys)
    .filter((key) => key.nullable)
    .map((key) => key.column),
);

/**
 * The rows after `last` (the values of `keys` in the last row read) in the order of `keys`, as disjoint steps
 * that follow one another in that order: a step holds the rows equal to `last` on the keys before one key
 * and after it on that key, the last key's step first. Reading step after step, each in key order, continues
 * the order exactly, and every step is an equality prefix and one range: an index range where an index
 * holds the keys.
 *
 * Nulls come last in both directions (see `orderKeys`), so nothing comes after a null on its own key, and
 * after a value descending come the smaller values, then the nulls (a step of their own, so each step
 * stays one range).
 */
export function keysetSteps(keys: readonly OrderKey[], last: readonly SqlValue[]): KeyTerm[][] {
  const steps: KeyTerm[][] = [];
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i] as OrderKey;
    const equal = keys.slice(0, i).map((prefix, j) => equalTerm(prefix.expr, last[j] ?? null));
    for (const after of afterTerms(key, last[i] ?? null)) steps.push([...equal, after]);
  }
  return steps;
}

function equalTerm(expr: string, value: SqlValue): KeyTerm {
  return value === null ? { expr, op: "IS NULL", value } : { expr, op: "=", value };
}

function afterTerms(key: OrderKey, value: SqlValue): KeyTerm[] {
  if (value === null) return [];
  if (!key.desc) return [{ expr: key.expr, op: ">", value }];
  const smaller: KeyTerm = { expr: key.expr, op: "<", value };
  return nullableColumns.has(key.expr)
    ? [smaller, { expr: key.expr, op: "IS NULL", value: null }]
    : [smaller];
}

/** The term as SQL with its value bound; a key such as `e.user_id IS NULL` is parenthesised. */
export function termSql(term: KeyTerm): { sql: string; params: SqlValue[] } {
  const operand = term.expr.includes(" ") ? `(${term.expr})` : term.expr;
  return term.op === "IS NULL"
    ? { sql: `${operand} IS NULL`, params: [] }
    : { sql: `${operand} ${term.op} ?`, params: [term.value] };
}

/** Whether the term holds for a row whose key is `value` (for keys known before the query runs). */
export function termHolds(term: KeyTerm, value: SqlValue): boolean {
  if (term.op === "IS NULL" || value === null || term.value === null) {
    return term.op === "IS NULL" && value === null;
  }
  if (term.op === "=") return value === term.value;
  return term.op === "<" ? value < term.value : value > term.value;
}
