import { fail, ok, type Result } from "./result";

export type SortTerm<F extends string = string> = { field: F; desc: boolean };

/** Parses `sort`: comma-separated fields, each optionally prefixed with `-` for descending. */
export function parseSort<F extends string>(sort: string, fields: readonly F[]): Result<SortTerm<F>[]> {
  const terms: SortTerm<F>[] = [];
  for (const part of sort.split(",")) {
    const desc = part.startsWith("-");
    const field = desc ? part.slice(1) : part;
    if (field === "") return fail("sort: a sort field is empty.");
    if (!(fields as readonly string[]).includes(field)) {
      return fail(`sort: unknown sort field "${field}"; sortable fields are ${fields.join(", ")}.`);
    }
    if (terms.some((term) => term.field === field)) return fail(`sort: the field ${field} is named twice.`);
    terms.push({ field: field as F, desc });
  }
  return ok(terms);
}

export function formatSort(terms: readonly SortTerm[]): string {
  return terms.map(({ field, desc }) => (desc ? `-${field}` : field)).join(",");
}
