import { fail, ok, type Result } from "./result";

/** One `field:value` term of a `q` parameter, with the value unescaped. */
export type FilterTerm = { field: string; value: string };

const fieldName = /^[a-z_]+$/;

/**
 * Splits `q` into terms. Terms are separated by unescaped commas; inside a term `\,` is a comma and
 * `\\` a backslash; the field is everything before the first `:`.
 */
export function parseQuery(q: string): Result<FilterTerm[]> {
  const terms: FilterTerm[] = [];
  let current = "";
  for (let i = 0; i < q.length; i++) {
    const char = q[i] as string;
    if (char === "\\") {
      const next = q[i + 1];
      if (next !== "," && next !== "\\") {
        return fail("q: a backslash must be followed by a comma or another backslash.");
      }
      current += next;
      i++;
    } else if (char === ",") {
      const term = toTerm(current);
      if (!term.ok) return term;
      terms.push(term.value);
      current = "";
    } else {
      current += char;
    }
  }
  const last = toTerm(current);
  if (!last.ok) return last;
  terms.push(last.value);
  return ok(terms);
}

function toTerm(raw: string): Result<FilterTerm> {
  if (raw === "") return fail("q: a filter is empty; filters are field:value separated by commas.");
  const colon = raw.indexOf(":");
  if (colon < 0) return fail(`q: the filter "${raw}" must be written field:value.`);
  const field = raw.slice(0, colon);
  const value = raw.slice(colon + 1);
  if (!fieldName.test(field)) return fail(`q: unknown filter field "${field}".`);
  if (value === "") return fail(`q: the filter ${field} has an empty value.`);
  return ok({ field, value });
}

export function escapeFilterValue(value: string): string {
  return value.replace(/[\\,]/g, (char) => `\\${char}`);
}

export function formatQuery(terms: readonly FilterTerm[]): string {
  return terms.map(({ field, value }) => `${field}:${escapeFilterValue(value)}`).join(",");
}
