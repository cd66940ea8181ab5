import type { FilterTerm } from "../../../contract/query-grammar";

/** The time range the failure counts cover: the URL's `from`/`until` chip; without one, the whole table. */
export type FailureRange = { from: string; until: string };

export function rangeOf(filters: readonly FilterTerm[]): FailureRange | undefined {
  const from = filters.find((term) => term.field === "from")?.value;
  const until = filters.find((term) => term.field === "until")?.value;
  return from && until ? { from, until } : undefined;
}

/**
 * The filters after picking `value` for `field` in a count list: it replaces that field's chips, or removes
 * them when `value` is undefined. The counts are the table's own filters, so nothing else changes.
 */
export function pickFilter(
  filters: readonly FilterTerm[],
  field: string,
  value: string | undefined,
): FilterTerm[] {
  const kept = filters.filter((term) => term.field !== field);
  return [...kept, ...(value === undefined ? [] : [{ field, value }])];
}
