import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { FilterTerm } from "../../contract/query-grammar";
import type { SortTerm } from "../../contract/sort-grammar";
import {
  readListSearch,
  toListRequest,
  writeListSearch,
  type ListSearch,
  type ListSortKind,
} from "./list-search";

/**
 * The list state of the current URL and setters that push a new history entry. Changing the order, the
 * filters or the page size goes back to page 1. `kind` must be a stable (module-level) object.
 */
export function useListSearch(kind: ListSortKind) {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readListSearch(params, kind), [params, kind]);

  const update = useCallback(
    (patch: Partial<ListSearch>) => {
      setParams((current) => writeListSearch(current, { ...readListSearch(current, kind), ...patch }, kind));
    },
    [setParams, kind],
  );

  return useMemo(
    () => ({
      ...search,
      request: toListRequest(search, kind),
      setSort: (sort: SortTerm[]) => {
        update({ sort, page: 1 });
      },
      setFilters: (filters: FilterTerm[]) => {
        update({ filters, page: 1 });
      },
      setPage: (page: number) => {
        update({ page });
      },
      setPerPage: (perPage: number) => {
        update({ perPage, page: 1 });
      },
      /** Takes a parameter the contract refuses out of the URL (a new history entry, so Back restores it). */
      dropParam: (name: string) => {
        setParams((current) => {
          const next = new URLSearchParams(current);
          next.delete(name);
          return next;
        });
      },
    }),
    [search, kind, update, setParams],
  );
}
