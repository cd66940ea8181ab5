import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiPaths, type ContainerEventView } from "../../contract/api-paths";
import { eventListSchema, eventSchema, eventTypesResponseSchema } from "../../contract/event";
import { facetsSchema, type FacetField } from "../../contract/facets";
import { histogramSchema, type HistogramInterval } from "../../contract/histogram";
import { fetchListPage, type ListRequest } from "./list-page";
import { request } from "./request";

/** Which event list: the organisation's, a container-event view (`by_fail`, …), or one container's timeline. */
export type EventView = "events" | ContainerEventView | { container: string };

export function eventListPath(orgId: number, view: EventView): string {
  if (view === "events") return apiPaths.orgEvents(orgId);
  if (typeof view === "string") return apiPaths.containerEvents(orgId, view);
  return apiPaths.containerEventList(orgId, view.container);
}

/** One page of an event list, as `eventQueries.list` caches it. */
export function fetchEventListPage(orgId: number, view: EventView, search: ListRequest, signal: AbortSignal) {
  return fetchListPage(eventListPath(orgId, view), search, eventListSchema, signal);
}

export const eventQueries = {
  /** Everything cached about an organisation's events; invalidate this after logging an event. */
  all: (orgId: number) => ["events", orgId] as const,
  list: (orgId: number, view: EventView, search: ListRequest) =>
    queryOptions({
      queryKey: [...eventQueries.all(orgId), view, search] as const,
      queryFn: ({ signal }) => fetchEventListPage(orgId, view, search, signal),
      placeholderData: keepPreviousData,
    }),
  /** Top values with exact counts of `fields` over a view and `q`, in one request. */
  facets: (
    orgId: number,
    view: "all" | ContainerEventView,
    q: string | undefined,
    fields: readonly FacetField[],
    limit: number,
  ) =>
    queryOptions({
      queryKey: [...eventQueries.all(orgId), "facets", view, q, fields, limit] as const,
      queryFn: async ({ signal }) =>
        (
          await request(apiPaths.orgEventFacets(orgId), {
            schema: facetsSchema,
            search: { view, q, fields: fields.join(","), limit },
            signal,
          })
        ).data,
      placeholderData: keepPreviousData,
    }),
  /**
   * Values of one field starting with `prefix` (value or label), with their counts over a view and `q`: the
   * query bar's suggestions. A failure leaves the bar without suggestions, never the page.
   */
  facetValues: (
    orgId: number,
    view: "all" | ContainerEventView,
    q: string | undefined,
    field: FacetField,
    prefix: string,
  ) =>
    queryOptions({
      queryKey: [...eventQueries.all(orgId), "facet-values", view, q, field, prefix] as const,
      queryFn: async ({ signal }) =>
        (
          await request(apiPaths.orgEventFacets(orgId), {
            schema: facetsSchema,
            search: { view, q, fields: field, limit: 8, prefix },
            signal,
          })
        ).data.facets[field] ?? [],
      staleTime: 30_000,
      placeholderData: keepPreviousData,
      retry: false,
      throwOnError: false,
    }),
  /**
   * The times of the oldest and newest events of a view and `q` (two one-row pages), or null when there are
   * none: the range a chart of the whole list covers.
   */
  timeBounds: (orgId: number, view: "all" | ContainerEventView, q: string | undefined) =>
    queryOptions({
      queryKey: [...eventQueries.all(orgId), "time-bounds", view, q] as const,
      queryFn: async ({ signal }) => {
        const path = view === "all" ? apiPaths.orgEvents(orgId) : apiPaths.containerEvents(orgId, view);
        const end = (sort: string) =>
          fetchListPage(path, { page: 1, perPage: 1, sort, q }, eventListSchema, signal);
        const [oldest, newest] = await Promise.all([end("timestamp,id"), end("-timestamp,-id")]);
        const from = oldest.rows[0]?.timestamp;
        const until = newest.rows[0]?.timestamp;
        return from && until ? { from: Date.parse(from), until: Date.parse(until) } : null;
      },
      staleTime: 60_000,
      throwOnError: false,
    }),
  /** Matching events per bucket of `interval` over `q`'s from/until, in one request. */
  histogram: (orgId: number, view: "all" | ContainerEventView, q: string, interval: HistogramInterval) =>
    queryOptions({
      queryKey: [...eventQueries.all(orgId), "histogram", view, q, interval] as const,
      queryFn: async ({ signal }) =>
        (
          await request(apiPaths.orgEventHistogram(orgId), {
            schema: histogramSchema,
            search: { view, q, interval },
            signal,
          })
        ).data,
      staleTime: 60_000,
      throwOnError: false,
    }),
  /**
   * One event by id, for a link to an event that is not on the page at hand. Its failure (a 404 for an event
   * gone or out of reach) is the drawer's to show, never the page's.
   */
  one: (orgId: number, eventId: string) =>
    queryOptions({
      queryKey: [...eventQueries.all(orgId), "one", eventId] as const,
      queryFn: async ({ signal }) =>
        (await request(apiPaths.orgEvent(orgId, eventId), { schema: eventSchema, signal })).data,
      retry: false,
      throwOnError: false,
    }),
  /**
   * Event types, sources and severities for pickers and labels; they change with deployments only. Pages work
   * without them (pickers fall back to the contract's catalogue), so a failure never replaces the page.
   */
  types: () =>
    queryOptions({
      queryKey: ["event_types"],
      queryFn: async ({ signal }) =>
        (await request(apiPaths.eventTypes, { schema: eventTypesResponseSchema, signal })).data,
      staleTime: 60 * 60_000,
      throwOnError: false,
    }),
};
