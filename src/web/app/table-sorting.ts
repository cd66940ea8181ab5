import type { SortingState } from "@tanstack/react-table";
import type { SortTerm } from "../../contract/sort-grammar";

/** TanStack column ids are the API's sort field names, so the mapping is one-to-one. */
export function sortingFromTerms(terms: readonly SortTerm[]): SortingState {
  return terms.map(({ field, desc }) => ({ id: field, desc }));
}

export function termsFromSorting(sorting: SortingState): SortTerm[] {
  return sorting.map(({ id, desc }) => ({ field: id, desc }));
}
