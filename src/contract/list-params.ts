import { containerFilterFields, eventFilterFields, type Filter, type FilterSpecs } from "./filter-fields";
import { parseFilter } from "./parse-filter";
import { fail, ok, type Result } from "./result";
import { containerSortFields, defaultContainerSort, defaultEventSort, eventSortFields } from "./sort-fields";
import { parseSort, type SortTerm } from "./sort-grammar";

export const maxPerPage = 1000;
export const defaultPerPage = 50;
export const maxQueryLength = 4000;

export type ListKind<S extends FilterSpecs, F extends string> = {
  filters: S;
  sortFields: readonly F[];
  defaultSort: string;
};

export const eventList = {
  filters: eventFilterFields,
  sortFields: eventSortFields,
  defaultSort: defaultEventSort,
} satisfies ListKind<typeof eventFilterFields, (typeof eventSortFields)[number]>;

export const containerList = {
  filters: containerFilterFields,
  sortFields: containerSortFields,
  defaultSort: defaultContainerSort,
} satisfies ListKind<typeof containerFilterFields, (typeof containerSortFields)[number]>;

export type ListParams<S extends FilterSpecs, F extends string> = {
  page: number;
  perPage: number;
  sort: SortTerm<F>[];
  filter: Filter<S>;
  /** `q` and `sort` as given, for the `x-filter` and `x-sort` echo headers. */
  q: string | undefined;
  rawSort: string | undefined;
};

type Query = { getAll(name: string): string[] };

/** Reads page, per_page, sort and q; a failure names the parameter at fault. */
export function parseListParams<S extends FilterSpecs, F extends string>(
  query: Query,
  kind: ListKind<S, F>,
): Result<ListParams<S, F>> & { param?: string } {
  const page = single(query, "page");
  const perPage = single(query, "per_page");
  const sort = single(query, "sort");
  const q = single(query, "q");
  for (const [name, value] of [
    ["page", page],
    ["per_page", perPage],
    ["sort", sort],
    ["q", q],
  ] as const) {
    if (value === null) return { ...fail(`${name} may be given only once.`), param: name };
  }
  const pageNumber = integerParam(page ?? undefined, 1, Number.MAX_SAFE_INTEGER, 1);
  if (pageNumber === undefined)
    return { ...fail("page must be a whole number of at least 1."), param: "page" };
  const perPageNumber = integerParam(perPage ?? undefined, 1, maxPerPage, defaultPerPage);
  if (perPageNumber === undefined) {
    return { ...fail(`per_page must be a whole number from 1 to ${maxPerPage}.`), param: "per_page" };
  }
  const sortTerms = parseSort(sort || kind.defaultSort, kind.sortFields);
  if (!sortTerms.ok) return { ...sortTerms, param: "sort" };
  if (q && q.length > maxQueryLength) {
    return { ...fail(`q must be at most ${maxQueryLength} characters.`), param: "q" };
  }
  const filter = q ? parseFilter(q, kind.filters) : ok<Filter<S>>({});
  if (!filter.ok) return { ...filter, param: "q" };
  return ok({
    page: pageNumber,
    perPage: perPageNumber,
    sort: sortTerms.value,
    filter: filter.value,
    q: q || undefined,
    rawSort: sort || undefined,
  });
}

/** The one value of a parameter, undefined when absent, null when repeated. */
function single(query: Query, name: string): string | undefined | null {
  const values = query.getAll(name);
  if (values.length > 1) return null;
  return values[0];
}

function integerParam(
  raw: string | undefined,
  min: number,
  max: number,
  fallback: number,
): number | undefined {
  if (raw === undefined || raw === "") return fallback;
  if (!/^[0-9]{1,16}$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= min && value <= max ? value : undefined;
}
