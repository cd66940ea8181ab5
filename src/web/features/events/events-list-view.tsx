import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { eventFilterFields } from "../../../contract/filter-fields";
import { eventList } from "../../../contract/list-params";
import { formatQuery, type FilterTerm } from "../../../contract/query-grammar";
import { isApiError } from "../../api/api-error";
import { eventQueries, type EventView } from "../../api/event-queries";
import { meQueries } from "../../api/me-queries";
import { readListSearch, writeListSearch } from "../../app/list-search";
import { sortingFromTerms, termsFromSorting } from "../../app/table-sorting";
import { useListSearch } from "../../app/use-list-search";
import { ColumnChooser } from "../../ui/column-chooser";
import type { SortingState } from "@tanstack/react-table";
import type { Event } from "../../../contract/event";
import { DataTable } from "../../ui/data-table";
import type { DataTableColumn } from "../../ui/data-table-features";
import { Drawer } from "../../ui/drawer";
import { FilterChips } from "../../ui/filter-chips";
import { LinkProblem } from "../../ui/link-problem";
import { phoneQuery, useMediaQuery } from "../../ui/use-media-query";
import { Pagination } from "../../ui/pagination";
import { EmptyState } from "../../ui/states";
import { eventFilterFieldConfigs, fieldsForView } from "./event-filter-fields";
import { useEventColumnLayout } from "./event-column-layout";
import { defaultEventColumns, useEventColumnVisibility } from "./event-column-visibility";
import { EventCards } from "./event-cards";
import { eventCsvColumns } from "./event-csv-columns";
import { EventDetail } from "./event-detail";
import { EventDetailActions } from "./event-detail-actions";
import { EventHistogram } from "./event-histogram";
import { EventLegend } from "./event-legend";
import { eventColumns } from "./events-columns";
import { EventsEmptyState } from "./events-empty-state";
import { EventsLoadFailed } from "./events-load-failed";
import { FacetSidebar } from "./facet-sidebar";
import { LiveBar } from "./live-bar";
import { PhoneSort } from "./phone-sort";
import { PrefetchNextPage } from "./prefetch-next-page";
import { QueryBar } from "./query-bar";
import { useFacetSidebar } from "./use-facet-sidebar";
import { useLiveEvents } from "./use-live-events";
import { useOpenEvent } from "./use-open-event";
import { ExportCsvButton } from "../export/export-csv-button";
import "./events-list-view.css";

/**
 * The app's rule (query-client.ts), plus a 404 shown in place: "not found or not visible" is this page's own
 * state, not the route's error boundary.
 */
const inPlaceErrors = ["bad_request", "too_many_requests", "unauthorized", "not_found"] as const;

const eventRowId = (event: Event) => String(event.id);
const eventRowClass = (event: Event) => (event.status === "FAILURE" ? "row-failure" : undefined);

/**
 * One event list, server-paged, sorted and filtered, with its whole state in the URL (`page`, `per_page`,
 * `sort`, `q`, plus `cols` for non-default columns and `event` for the open detail drawer): the filter chips, a
 * histogram of the filtered events over time, the table, the pager and the event drawer. Shared by the events,
 * failures and container timeline pages through `view`.
 */
export function EventsListView({
  orgId,
  view,
  label,
  emptyTitle,
  notFoundTitle = "This organisation was not found or is not visible to you",
  histogram = true,
  topValues = false,
  extraColumns,
}: {
  orgId: number;
  view: EventView;
  /** The table's accessible name. */
  label: string;
  /** Shown when the list is empty without filters. */
  emptyTitle: string;
  /** Shown when the list answers 404 (an organisation or container that does not exist or is not visible). */
  notFoundTitle?: string;
  /** Show the event counts over time above the table. */
  histogram?: boolean;
  /** Offer the Top values sidebar beside the table. */
  topValues?: boolean;
  /** Columns after the event columns (a row action, …); must be stable (module-level). */
  extraColumns?: readonly DataTableColumn<Event>[];
}) {
  const list = useListSearch(eventList);
  const [, setParams] = useSearchParams();
  const [openId, setOpenId] = useOpenEvent();
  const me = useQuery(meQueries.me());
  const parentOrg = me.data?.organisations.some((org) => org.parent_id === orgId) ?? false;
  const columnDefaults = { parentOrg, containerEvents: view !== "events" };
  const [columnVisibility, setColumnVisibility] = useEventColumnVisibility(columnDefaults);
  const layout = useEventColumnLayout(me.data?.user.id);
  const visibleCsvColumns = useMemo(
    () => eventCsvColumns(layout.order.filter((id) => columnVisibility[id] !== false)),
    [layout.order, columnVisibility],
  );
  const events = useQuery({
    ...eventQueries.list(orgId, view, list.request),
    enabled: list.problem === undefined,
    throwOnError: (error, query) =>
      query.state.data === undefined && !inPlaceErrors.some((kind) => isApiError(error, kind)),
  });
  const types = useQuery(eventQueries.types());
  const fields = useMemo(() => fieldsForView(eventFilterFieldConfigs(types.data), view), [types.data, view]);
  const phone = useMediaQuery(phoneQuery);
  const columns = useMemo(
    () => (extraColumns ? [...eventColumns, ...extraColumns] : eventColumns),
    [extraColumns],
  );
  const sorting = useMemo(() => sortingFromTerms(list.sort), [list.sort]);

  const paging = events.data?.paging;
  // The histogram endpoint reads an organisation's events or a container-event view, not one container's.
  const histogramView = view === "events" ? "all" : typeof view === "string" ? view : undefined;
  const facetView = histogramView ?? "all";
  const scopeTerms = useMemo(
    () => (typeof view === "object" ? [{ field: "container", value: view.container }] : []),
    [view],
  );
  const [sidebarOpen, setSidebarOpen] = useFacetSidebar();
  const showSidebar = topValues && sidebarOpen;
  const newestId = useMemo(
    () => (events.data ? Math.max(0, ...events.data.rows.map((event) => event.id)) : undefined),
    [events.data],
  );
  // New events go on top only on the first page of a list in time order: elsewhere they have no place in view.
  const first = list.sort[0];
  const liveApplies =
    list.page === 1 &&
    first !== undefined &&
    first.desc &&
    (first.field === "timestamp" || first.field === "id");

  const error = events.data === undefined ? events.error : null;
  const rows = events.data?.rows ?? (error ? [] : undefined);
  const filterError = isApiError(error, "bad_request") && error.param === "q" ? error.message : undefined;
  const live = useLiveEvents({
    orgId,
    view: facetView,
    q: formatQuery([...scopeTerms, ...list.filters]) || undefined,
    since: newestId,
    enabled: liveApplies && newestId !== undefined && !events.isPlaceholderData && filterError === undefined,
    refresh: eventQueries.all(orgId),
  });

  const onPage = openId === null ? undefined : events.data?.rows.find((event) => String(event.id) === openId);
  // A link to an event that is not on this page (or no longer): fetch it by id.
  const linked = useQuery({
    ...eventQueries.one(orgId, openId ?? ""),
    enabled: openId !== null && events.data !== undefined && onPage === undefined,
  });
  const openEvent = onPage ?? (linked.data && String(linked.data.id) === openId ? linked.data : undefined);
  const linkFailed = openId !== null && onPage === undefined && linked.isError;
  /** Opens the row `step` away from the open one on this page; undefined at the page's ends. */
  const stepTo = (step: number) => {
    const pageRows = events.data?.rows ?? [];
    const index = onPage ? pageRows.indexOf(onPage) : -1;
    const target = index < 0 ? undefined : pageRows[index + step];
    return target
      ? () => {
          setOpenId(target.id);
        }
      : undefined;
  };
  const openRow = useCallback(
    (event: Event) => {
      setOpenId(event.id);
    },
    [setOpenId],
  );
  const changeSorting = useCallback(
    (next: SortingState) => {
      list.setSort(termsFromSorting(next));
    },
    [list],
  );
  /** Changes the filters and closes the drawer in one history entry. */
  const applyFilters = useCallback(
    (change: (filters: FilterTerm[]) => FilterTerm[]) => {
      setParams((current) => {
        const search = readListSearch(current, eventList);
        const next = writeListSearch(
          current,
          { ...search, filters: change(search.filters), page: 1 },
          eventList,
        );
        next.delete("event");
        return next;
      });
    },
    [setParams],
  );

  const empty =
    rows?.length !== 0 ? undefined : error ? (
      <EventsLoadFailed
        error={error}
        filterRefused={filterError !== undefined}
        onClearFilters={() => {
          list.setFilters([]);
        }}
        onRetry={() => void events.refetch()}
      />
    ) : paging ? (
      <EventsEmptyState
        paging={paging}
        page={list.page}
        filters={list.filters}
        types={types.data}
        emptyTitle={emptyTitle}
        onLastPage={() => {
          list.setPage(paging.totalPages);
        }}
        onClearFilters={() => {
          list.setFilters([]);
        }}
      />
    ) : null;

  if (list.problem) {
    return <LinkProblem problem={list.problem} onDrop={list.dropParam} />;
  }

  if (isApiError(error, "not_found")) {
    return (
      <div role="alert">
        <EmptyState title={notFoundTitle}>
          <p>{error.message}</p>
          <p>Choose another organisation from the switcher, or check the link you followed.</p>
        </EmptyState>
      </div>
    );
  }

  return (
    <>
      <div className="events-toolbar">
        <QueryBar
          orgId={orgId}
          facetView={facetView}
          scopeTerms={scopeTerms}
          terms={list.filters}
          onChange={list.setFilters}
          fields={fields}
        />
        <FilterChips
          terms={list.filters}
          onChange={list.setFilters}
          fields={fields}
          specs={eventFilterFields}
          timeRange
          serverError={filterError}
        />
        <div className="events-toolbar-actions">
          {topValues ? (
            <button
              type="button"
              className="button button-small"
              aria-pressed={sidebarOpen}
              onClick={() => {
                setSidebarOpen(!sidebarOpen);
              }}
            >
              Top values
            </button>
          ) : null}
          {phone ? (
            <PhoneSort sort={list.sort} onChange={list.setSort} />
          ) : (
            <ColumnChooser
              columns={layout.choices}
              visibility={columnVisibility}
              onChange={setColumnVisibility}
              onMove={layout.move}
              onReset={() => {
                layout.reset();
                setColumnVisibility(defaultEventColumns(columnDefaults));
              }}
            />
          )}
          <ExportCsvButton
            orgId={orgId}
            view={view}
            request={list.request}
            visibleColumns={visibleCsvColumns}
          />
        </div>
      </div>
      {histogram && histogramView !== undefined && !filterError ? (
        <EventHistogram
          orgId={orgId}
          view={histogramView}
          filters={list.filters}
          listLoaded={!events.isPending}
          onRange={(bucket) => {
            applyFilters((filters) => [
              ...filters.filter((term) => term.field !== "from" && term.field !== "until"),
              { field: "from", value: bucket.from },
              { field: "until", value: bucket.until },
            ]);
          }}
        />
      ) : null}
      {liveApplies && filterError === undefined ? <LiveBar live={live} /> : null}
      <div className="events-body">
        {showSidebar && !filterError ? (
          <FacetSidebar
            orgId={orgId}
            view={facetView}
            scopeTerms={scopeTerms}
            filters={list.filters}
            fields={fields}
            onFiltersChange={list.setFilters}
          />
        ) : null}
        {phone ? (
          <EventCards
            orgId={orgId}
            label={label}
            rows={rows}
            perPage={list.perPage}
            onOpen={openRow}
            activeId={openEvent ? String(openEvent.id) : undefined}
            isStale={events.isPlaceholderData}
            empty={empty}
          />
        ) : (
          /* The table is memoised: the props stay the same objects while its rows do not change. */
          <DataTable
            label={label}
            columns={columns}
            rows={rows}
            getRowId={eventRowId}
            rowCount={paging?.total ?? 0}
            page={list.page}
            perPage={list.perPage}
            sorting={sorting}
            onSortingChange={changeSorting}
            columnVisibility={columnVisibility}
            onColumnVisibilityChange={setColumnVisibility}
            columnSizing={layout.sizing}
            onColumnSizingChange={layout.setSizing}
            columnOrder={layout.order}
            onColumnOrderChange={layout.setOrder}
            onRowOpen={openRow}
            activeRowId={openEvent ? String(openEvent.id) : undefined}
            isStale={events.isPlaceholderData}
            rowClassName={eventRowClass}
            empty={empty}
          />
        )}
      </div>
      {paging && !events.isPlaceholderData && list.page < paging.totalPages ? (
        <PrefetchNextPage orgId={orgId} view={view} request={list.request} />
      ) : null}
      {rows && rows.length > 0 ? <EventLegend /> : null}
      {paging ? (
        <Pagination
          page={list.page}
          perPage={list.perPage}
          total={paging.total}
          totalPages={paging.totalPages}
          noun={{ one: "event", other: "events" }}
          onPageChange={list.setPage}
          onPerPageChange={list.setPerPage}
        />
      ) : null}
      <Drawer
        open={openEvent !== undefined || linkFailed}
        onClose={() => {
          setOpenId(undefined);
        }}
        title={openEvent ? `Event ${String(openEvent.id)}` : `Event ${openId ?? ""}`}
      >
        {linkFailed && !openEvent ? (
          <div role="alert">
            <EmptyState title="This event can't be shown">
              <p>
                {isApiError(linked.error, "not_found")
                  ? "It does not exist, or it is not among this organisation's events."
                  : linked.error instanceof Error
                    ? linked.error.message
                    : "The server did not answer."}
              </p>
            </EmptyState>
          </div>
        ) : null}
        {openEvent ? (
          <EventDetailActions
            event={openEvent}
            onPrevious={stepTo(-1)}
            onNext={stepTo(1)}
            onShowFilters={(terms) => {
              applyFilters(() => terms);
            }}
          />
        ) : null}
        {openEvent ? (
          <EventDetail
            event={openEvent}
            orgId={orgId}
            onFilter={(term) => {
              applyFilters((filters) =>
                filters.some((old) => old.field === term.field && old.value === term.value)
                  ? filters
                  : [...filters, term],
              );
            }}
          />
        ) : null}
      </Drawer>
    </>
  );
}
