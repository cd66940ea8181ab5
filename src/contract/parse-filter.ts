import type { Filter, FilterSpecs } from "./filter-fields";
import { parseQuery } from "./query-grammar";
import { fail, ok, type Result } from "./result";

/** Parses and validates `q` against a set of field specs; messages name the field at fault. */
export function parseFilter<S extends FilterSpecs>(q: string, specs: S): Result<Filter<S>> {
  const terms = parseQuery(q);
  if (!terms.ok) return terms;
  const filter: Record<string, unknown[]> = {};
  for (const { field, value } of terms.value) {
    const spec = Object.hasOwn(specs, field) ? specs[field] : undefined;
    if (!spec) {
      return fail(`q: unknown filter field "${field}"; filter fields are ${Object.keys(specs).join(", ")}.`);
    }
    const parsed = spec.safeParse(value);
    if (!parsed.success) return fail(`q: ${field} ${parsed.error.issues[0]?.message ?? "has a bad value"}.`);
    (filter[field] ??= []).push(parsed.data);
  }
  return checkRange(filter) ?? ok(filter as Filter<S>);
}

function checkRange(filter: Record<string, unknown[]>): Result<never> | undefined {
  const { from, until } = filter;
  if (!from && !until) return undefined;
  if (!from || !until) return fail("q: from and until must be given together.");
  if (from.length > 1 || until.length > 1) return fail("q: from and until may each be given only once.");
  if ((from[0] as number) > (until[0] as number)) return fail("q: from must not be after until.");
  return undefined;
}
