import { z } from "zod";
import type { FilterSpecs } from "../../contract/filter-fields";
import { defaultPerPage, maxPerPage, parseListParams, type ListKind } from "../../contract/list-params";
import { formatQuery, parseQuery, type FilterTerm } from "../../contract/query-grammar";
import { formatSort, parseSort, type SortTerm } from "../../contract/sort-grammar";
import type { ListRequest } from "../api/list-page";

/**
 * A list page's state in the URL: `page`, `per_page`, `sort` and `q`, with `sort` and `q` in the API's own
 * syntax. What the contract would refuse and the chips cannot show is named in `problem` (in the contract's
 * words) so the page can say so instead of listing something else; the values are read leniently meanwhile
 * (anything malformed is its default) so the rest of the page can be drawn. Defaults never appear in the URL.
 */

/** One list endpoint's filters and sort grammar (the contract's `eventList` or `containerList`). */
export type ListSortKind = ListKind<FilterSpecs, string>;

/** A list parameter of the URL the contract refuses, and why. */
export type ListProblem = { param: string; message: string };

export type ListSearch = {
  page: number;
  perPage: number;
  /** The effective order: the URL's, or the endpoint's default. Never empty. */
  sort: SortTerm[];
  filters: FilterTerm[];
  problem?: ListProblem | undefined;
};

const wholeNumber = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^[0-9]{1,16}$/)
    .transform(Number)
    .pipe(z.number().min(1).max(max))
    .catch(fallback);

export function listSearchSchema(kind: ListSortKind) {
  const defaultSort = parseSort(kind.defaultSort, kind.sortFields);
  if (!defaultSort.ok) throw new Error(`Bad default sort: ${defaultSort.message}`);
  return z
    .object({
      page: wholeNumber(Number.MAX_SAFE_INTEGER, 1),
      per_page: wholeNumber(maxPerPage, defaultPerPage),
      sort: z
        .string()
        .transform((value, ctx) => {
          const parsed = parseSort(value, kind.sortFields);
          if (parsed.ok) return parsed.value;
          ctx.addIssue({ code: "custom", message: parsed.message });
          return z.NEVER;
        })
        .catch(defaultSort.value),
      q: z
        .string()
        .transform((value, ctx) => {
          const parsed = parseQuery(value);
          if (parsed.ok) return parsed.value;
          ctx.addIssue({ code: "custom", message: parsed.message });
          return z.NEVER;
        })
        .catch([]),
    })
    .transform((search): ListSearch => ({
      page: search.page,
      perPage: search.per_page,
      sort: search.sort,
      filters: search.q,
    }));
}

const listParamNames = ["page", "per_page", "sort", "q"] as const;

export function readListSearch(params: URLSearchParams, kind: ListSortKind): ListSearch {
  const raw = Object.fromEntries(listParamNames.map((name) => [name, params.get(name) ?? undefined]));
  const search = listSearchSchema(kind).parse(raw);
  const checked = parseListParams(params, kind);
  if (checked.ok) return search;
  // A q that reads as chips but has a bad value is left to the server: its 400 marks the chip at fault.
  const qs = params.getAll("q");
  const chipsShowIt = checked.param === "q" && qs.length === 1 && parseQuery(qs[0] ?? "").ok;
  return chipsShowIt
    ? search
    : { ...search, problem: { param: checked.param ?? "q", message: checked.message } };
}

/** The URL for `search`, keeping unrelated params (an open drawer, …) and leaving defaults out. */
export function writeListSearch(
  params: URLSearchParams,
  search: ListSearch,
  kind: ListSortKind,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const request = toListRequest(search, kind);
  const values: Record<(typeof listParamNames)[number], string | undefined> = {
    page: search.page === 1 ? undefined : String(search.page),
    per_page: search.perPage === defaultPerPage ? undefined : String(search.perPage),
    sort: request.sort,
    q: request.q,
  };
  for (const name of listParamNames) {
    const value = values[name];
    if (value === undefined) next.delete(name);
    else next.set(name, value);
  }
  return next;
}

/** What to ask the API for; the default sort is left to the server so equal views share one cache entry. */
export function toListRequest(search: ListSearch, kind: ListSortKind): ListRequest {
  const sort = formatSort(search.sort);
  return {
    page: search.page,
    perPage: search.perPage,
    sort: sort === "" || sort === kind.defaultSort ? undefined : sort,
    q: search.filters.length > 0 ? formatQuery(search.filters) : undefined,
  };
}
