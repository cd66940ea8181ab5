export const apiBase = "/api/v1";

export const listHeaders = {
  perPage: "x-count-per-page",
  page: "x-current-page",
  total: "x-total-count",
  totalPages: "x-total-pages",
  filter: "x-filter",
  sort: "x-sort",
} as const;

/** The `by_*` container-event views. */
export const containerEventViews = ["by_access", "by_block", "by_create", "by_expire", "by_fail"] as const;
export type ContainerEventView = (typeof containerEventViews)[number];

const seg = encodeURIComponent;

export const apiPaths = {
  authenticate: "/authenticate",
  me: "/me",
  eventTypes: "/event_types",
  organisationEvents: (orgId: number | "my") => `/organisation/${orgId}/event`,
  orgEvents: (orgId: number) => `/orgs/${orgId}/events`,
  orgEventFacets: (orgId: number) => `/orgs/${orgId}/events/facets`,
  orgEventHistogram: (orgId: number) => `/orgs/${orgId}/events/histogram`,
  orgEventStream: (orgId: number) => `/orgs/${orgId}/events/stream`,
  orgEvent: (orgId: number, eventId: string) => `/orgs/${orgId}/events/${seg(eventId)}`,
  containerEvents: (orgId: number, view: ContainerEventView) => `/orgs/${orgId}/container_events/${view}`,
  containers: (orgId: number) => `/orgs/${orgId}/containers`,
  container: (orgId: number, containerId: string) => `/orgs/${orgId}/containers/${seg(containerId)}`,
  containerEventList: (orgId: number, containerId: string) =>
    `/orgs/${orgId}/containers/${seg(containerId)}/events`,
  views: "/views",
  view: (viewId: string) => `/views/${seg(viewId)}`,
} as const;
