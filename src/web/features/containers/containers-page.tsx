import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { containerList } from "../../../contract/list-params";
import { isApiError } from "../../api/api-error";
import { containerQueries } from "../../api/container-queries";
import { PageHeader } from "../../app/page-header";
import { sortingFromTerms, termsFromSorting } from "../../app/table-sorting";
import { useListSearch } from "../../app/use-list-search";
import { useOrgId } from "../../app/use-org-id";
import { DataTable } from "../../ui/data-table";
import { LinkProblem } from "../../ui/link-problem";
import { Pagination } from "../../ui/pagination";
import { EmptyState, ErrorState } from "../../ui/states";
import { ContainerListFilters } from "./container-list-filters";
import { phoneQuery, useMediaQuery } from "../../ui/use-media-query";
import { containerColumns, phoneContainerColumns } from "./containers-columns";
import "./containers.css";

/** `/orgs/:orgId/containers` — the organisation's containers, server-paged, searchable by name. */
export function Component() {
  const orgId = useOrgId();
  const list = useListSearch(containerList);
  const queryClient = useQueryClient();
  const containers = useQuery({
    ...containerQueries.list(orgId, list.request),
    enabled: list.problem === undefined,
  });
  const sorting = useMemo(() => sortingFromTerms(list.sort), [list.sort]);
  const phone = useMediaQuery(phoneQuery);

  const paging = containers.data?.paging;
  useEffect(() => {
    if (!paging || containers.isPlaceholderData || list.page >= paging.totalPages) return;
    queryClient
      .query(containerQueries.list(orgId, { ...list.request, page: list.page + 1 }))
      .catch(() => undefined);
  }, [queryClient, orgId, list.request, list.page, paging, containers.isPlaceholderData]);

  const error = containers.data === undefined ? containers.error : null;
  const clear = (
    <button
      type="button"
      className="button"
      onClick={() => {
        list.setFilters([]);
      }}
    >
      Clear filters
    </button>
  );

  return (
    <div className="page">
      <PageHeader title="Containers" orgId={orgId} />
      <ContainerListFilters filters={list.filters} onChange={list.setFilters} />
      {list.problem ? <LinkProblem problem={list.problem} onDrop={list.dropParam} /> : null}
      {list.problem ? null : (
        <DataTable
          label="Containers"
          columns={containerColumns}
          columnVisibility={phone ? phoneContainerColumns : undefined}
          rows={containers.data?.rows ?? (error ? [] : undefined)}
          getRowId={(container) => container.id}
          rowCount={paging?.total ?? 0}
          page={list.page}
          perPage={list.perPage}
          sorting={sorting}
          onSortingChange={(next) => {
            list.setSort(termsFromSorting(next));
          }}
          isStale={containers.isPlaceholderData}
          empty={
            error ? (
              <ErrorState
                error={error}
                title={isApiError(error, "bad_request") ? "This search cannot be applied" : undefined}
                onRetry={() => void containers.refetch()}
              />
            ) : paging && paging.total > 0 ? (
              <EmptyState
                title={`Page ${list.page} is past the end`}
                action={
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      list.setPage(paging.totalPages);
                    }}
                  >
                    Go to the last page
                  </button>
                }
              />
            ) : list.filters.length > 0 ? (
              <EmptyState title="No containers match this search" action={clear}>
                The name search matches any part of a container's name, ignoring case.
              </EmptyState>
            ) : (
              <EmptyState title="This organisation has no containers yet" />
            )
          }
        />
      )}
      {paging ? (
        <Pagination
          page={list.page}
          perPage={list.perPage}
          total={paging.total}
          totalPages={paging.totalPages}
          noun={{ one: "container", other: "containers" }}
          onPageChange={list.setPage}
          onPerPageChange={list.setPerPage}
        />
      ) : null}
    </div>
  );
}
