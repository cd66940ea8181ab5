import { apiBase, apiPaths, containerEventViews, type ContainerEventView } from "../src/contract/api-paths";
import { defaultPerPage } from "../src/contract/list-params";
import { formatQuery, type FilterTerm } from "../src/contract/query-grammar";
import { eventSortFields } from "../src/contract/sort-fields";
import type { DataFacts } from "./discover";

export type ListQuery = { page?: number; per_page?: number; sort?: string; q?: string };

export type MatrixEntry = {
  name: string;
  group: string;
  orgId: number;
  view?: ContainerEventView;
  containerId?: string;
  query: ListQuery;
  /** Whether the client accepts gzip, as browsers do (default true). */
  gzip?: boolean;
};

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/** The fixed list of requests every run measures, filled with values that exist in the data. */
export function buildMatrix(facts: DataFacts, orgId: number): MatrixEntry[] {
  const entry = (group: string, name: string, query: ListQuery = {}, extra: Partial<MatrixEntry> = {}) => ({
    name,
    group,
    orgId,
    query,
    ...extra,
  });
  const q = (...terms: [string, string | number | boolean][]) =>
    formatQuery(terms.map(([field, value]): FilterTerm => ({ field, value: String(value) })));
  const lastDays = (days: number): [string, string][] => [
    ["from", new Date(facts.newestMs - days * dayMs).toISOString()],
    ["until", new Date(facts.newestMs).toISOString()],
  ];
  const filters: [string, string | number | boolean][] = [
    ["timestamp", new Date(facts.newestMs).toISOString().slice(0, 10)],
    ["type", facts.typeId],
    ["source", facts.sourceId],
    ["severity", facts.severityId],
    ["alert", true],
    ["status", "FAILURE"],
    ["description", facts.description],
    ["organisation", facts.organisationName],
    ["user", facts.username],
    ["endpoint", facts.endpoint.name],
    ["tags", facts.tag],
    ["ip_address", facts.endpoint.ip_address],
    ["imei", facts.endpoint.imei],
    ["iccid", facts.iccid],
    ["imsi", facts.imsi],
    ["container", facts.containerId],
  ];
  const lastPage = Math.max(1, Math.ceil(facts.total / defaultPerPage));
  const child = facts.organisations.find((org) => org.parent_id === orgId);

  return [
    entry("default", "default view"),
    entry("default", "default view, no gzip", {}, { gzip: false }),
    ...eventSortFields.flatMap((field) => [
      entry("sort", `sort=${field}`, { sort: field }),
      entry("sort", `sort=-${field}`, { sort: `-${field}` }),
    ]),
    ...filters.map(([field, value]) => entry("filter", `q=${field}`, { q: q([field, value]) })),
    entry("combo", "q=severity,alert", { q: q(["severity", facts.severityId], ["alert", true]) }),
    entry("combo", "q=type,source", { q: q(["type", facts.typeId], ["source", facts.sourceId]) }),
    entry("combo", "q=status,container", { q: q(["status", "FAILURE"], ["container", facts.containerId]) }),
    entry("combo", "q=user,30d", { q: q(["user", facts.username], ...lastDays(30)) }),
    entry("combo", "q=severity:1,severity:2 (OR)", { q: q(["severity", 1], ["severity", 2]) }),
    entry("combo", "q=severity,source,alert", {
      q: q(["severity", facts.severityId], ["source", facts.sourceId], ["alert", true]),
    }),
    entry("combo", "q=type,severity,30d", {
      q: q(["type", facts.typeId], ["severity", facts.typeSeverityId], ...lastDays(30)),
    }),
    entry("combo", "q=status,description,30d", {
      q: q(["status", "FAILURE"], ["description", facts.failureWord], ...lastDays(30)),
    }),
    entry("range", "q=24h range", { q: q(...lastDays(1)) }),
    entry("range", "q=30d range", { q: q(...lastDays(30)) }),
    entry("paging", "page=1", { page: 1 }),
    entry("paging", "page=100", { page: 100 }),
    entry("paging", `page=${lastPage} (last)`, { page: lastPage }),
    entry("per_page", "per_page=50", { per_page: 50 }),
    entry("per_page", "per_page=1000", { per_page: 1000 }),
    ...containerEventViews.map((view) => entry("view", view, {}, { view })),
    entry("container", `container ${facts.containerId}`, {}, { containerId: facts.containerId }),
    entry("org", `org ${orgId} (reach)`),
    ...(child ? [{ ...entry("org", `org ${child.id} alone`), orgId: child.id }] : []),
  ];
}

export function perPageOf(entry: MatrixEntry): number {
  return entry.query.per_page ?? defaultPerPage;
}

export function queryString(query: ListQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query) as [string, string | number | undefined][]) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

export function entryPath(entry: MatrixEntry): string {
  const path = entry.containerId
    ? apiPaths.containerEventList(entry.orgId, entry.containerId)
    : entry.view
      ? apiPaths.containerEvents(entry.orgId, entry.view)
      : apiPaths.orgEvents(entry.orgId);
  return `${apiBase}${path}${queryString(entry.query)}`;
}
