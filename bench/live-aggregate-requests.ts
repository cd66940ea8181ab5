import { apiBase, apiPaths } from "../src/contract/api-paths";
import { smallestInterval } from "../src/contract/histogram";
import { formatQuery, type FilterTerm } from "../src/contract/query-grammar";
import type { ValuePools } from "./live-values";

/** The dashboard's facet and histogram requests, one entry per kind of filter, each with its distinct URLs. */
export type AggregateEntry = { name: string; kind: "facets" | "histogram"; paths: string[] };

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;
/** A range is moved back an hour at a time, as the list entries' ranges are (live-urls.ts). */
const shifts = 24;
const spans = [
  ["24 h", dayMs],
  ["7 d", 7 * dayMs],
  ["30 d", 30 * dayMs],
] as const;

// The requests exactly as the dashboard sends them: the events page's facet sidebar
// (src/web/features/events/facet-sidebar.tsx), the failures page's counts
// (src/web/features/failures/use-failure-counts.ts), and the histogram over the list
// (src/web/features/events/histogram-buckets.ts: at most 48 bars, its range the filters' from/until, else the
// list's oldest and newest events).
const sidebar = { view: "all", fields: "type,severity,source,status,user,container,reason", limit: "5" };
const failureCounts = { view: "by_fail", fields: "reason,client_ip,container,user", limit: "40" };
const dashboardBars = 48;

const iso = (ms: number) => new Date(ms).toISOString();
const range = (from: number, until: number): FilterTerm[] => [
  { field: "from", value: iso(from) },
  { field: "until", value: iso(until) },
];

/** Every range of every span, moved back 0…23 hours from the newest event, spans interleaved. */
function ranges(newestMs: number): { from: number; until: number }[] {
  return Array.from({ length: shifts }, (_, hours) =>
    spans.map(([, length]) => ({
      from: newestMs - hours * hourMs - length,
      until: newestMs - hours * hourMs,
    })),
  ).flat();
}

/** One value of each structured field in turn (severity, type, source, status, alert), each pool's values in turn. */
function talliedFilters(pools: ValuePools): FilterTerm[] {
  const fields = ["severity", "type", "source", "status", "alert"];
  const longest = Math.max(...fields.map((field) => pools.fields[field]?.length ?? 0));
  return Array.from({ length: longest }, (_, i) =>
    fields.flatMap((field) => {
      const value = pools.fields[field]?.[i];
      return value === undefined ? [] : [{ field, value }];
    }),
  ).flat();
}

export function aggregateEntries(
  orgId: number,
  pools: ValuePools,
  bounds: { oldestMs: number; newestMs: number },
): AggregateEntry[] {
  const path = (endpoint: string, params: Record<string, string>, terms: readonly FilterTerm[]) => {
    const q = formatQuery(terms);
    const search = new URLSearchParams({ ...params, ...(q === "" ? {} : { q }) });
    return `${apiBase}${endpoint}?${search.toString()}`;
  };
  const facets = (params: Record<string, string>, terms: readonly FilterTerm[]) =>
    path(apiPaths.orgEventFacets(orgId), params, terms);
  const histogram = (view: string, terms: readonly FilterTerm[], from: number, until: number) =>
    path(
      apiPaths.orgEventHistogram(orgId),
      { view, interval: smallestInterval(from, until, dashboardBars) },
      [...terms, ...range(from, until)],
    );
  const within = ranges(bounds.newestMs);
  const filters = talliedFilters(pools);
  const withFilters = within.map((each, i) => ({ ...each, filter: filters[i % filters.length] }));
  const whole = Array.from({ length: shifts }, (_, hours) => ({
    from: bounds.oldestMs,
    until: bounds.newestMs - hours * hourMs,
  }));
  return [
    { name: "facets: no filter", kind: "facets", paths: [facets(sidebar, [])] },
    {
      name: "facets: one structured filter",
      kind: "facets",
      paths: filters.map((f) => facets(sidebar, [f])),
    },
    {
      name: "facets: range (24 h, 7 d, 30 d)",
      kind: "facets",
      paths: within.map(({ from, until }) => facets(sidebar, range(from, until))),
    },
    {
      name: "facets: structured filter + range",
      kind: "facets",
      paths: withFilters.map(({ from, until, filter }) =>
        facets(sidebar, [...(filter ? [filter] : []), ...range(from, until)]),
      ),
    },
    { name: "failure counts: no filter", kind: "facets", paths: [facets(failureCounts, [])] },
    {
      name: "failure counts: range (24 h, 7 d, 30 d)",
      kind: "facets",
      paths: within.map(({ from, until }) => facets(failureCounts, range(from, until))),
    },
    {
      name: "histogram: the whole list (1 d bars)",
      kind: "histogram",
      paths: whole.map(({ from, until }) => histogram("all", [], from, until)),
    },
    {
      name: "histogram: range (1 h, 6 h, 1 d bars)",
      kind: "histogram",
      paths: within.map(({ from, until }) => histogram("all", [], from, until)),
    },
    {
      name: "histogram: structured filter + range",
      kind: "histogram",
      paths: withFilters.map(({ from, until, filter }) =>
        histogram("all", filter ? [filter] : [], from, until),
      ),
    },
    {
      name: "histogram: failures view + range",
      kind: "histogram",
      paths: within.map(({ from, until }) => histogram("by_fail", [], from, until)),
    },
  ];
}
