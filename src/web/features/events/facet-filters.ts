import type { FilterTerm } from "../../../contract/query-grammar";
import type { FilterFieldConfig } from "../../ui/filter-field-config";

/** The filters with `field` narrowed to exactly `value` ("is"): its other chips go, the rest stay. */
export function filterIs(filters: readonly FilterTerm[], field: string, value: string): FilterTerm[] {
  return [...filters.filter((term) => term.field !== field), { field, value }];
}

/**
 * The field's values that "is not `value`" leaves, when the field has a closed set of values (a picker): the
 * values already chosen for it, or else all of them, without `value`. The contract's `q` has no negation, but
 * a repeated field is an OR, so "is not" is the OR of the rest. Undefined for open fields (users, containers…).
 */
export function valuesIsNot(
  filters: readonly FilterTerm[],
  config: FilterFieldConfig | undefined,
  value: string,
): string[] | undefined {
  if (config?.editor.kind !== "select" || config.editor.options.length === 0) return undefined;
  const chosen = filters.filter((term) => term.field === config.field).map((term) => term.value);
  const from = chosen.length > 0 ? chosen : config.editor.options.map((option) => option.value);
  return from.filter((other) => other !== value);
}

/** The filters with `field` as the OR of `values` (the "is not" of one of them). */
export function filterAnyOf(
  filters: readonly FilterTerm[],
  field: string,
  values: readonly string[],
): FilterTerm[] {
  return [...filters.filter((term) => term.field !== field), ...values.map((value) => ({ field, value }))];
}
