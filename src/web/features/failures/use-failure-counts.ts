import { useQuery } from "@tanstack/react-query";
import type { FacetValue } from "../../../contract/facets";
import { formatQuery, type FilterTerm } from "../../../contract/query-grammar";
import { eventQueries } from "../../api/event-queries";

/**
 * Failure counts by reason, client address, container and user over the table's filters (its time range
 * included): one facets request on `by_fail`, exact, whose `total` is the table's.
 */

export type CountField = "reason" | "client_ip" | "container" | "user";

/** `value` is what the field's filter chip takes: a reason's code, an address, a container's id, a username. */
export type CountBar = { value: string; label: string; detail: string | undefined; count: number };

export type CountList = {
  /** The values with at least one failure, busiest first; undefined while loading. */
  bars: CountBar[] | undefined;
  error: Error | null;
};

const countFields: readonly CountField[] = ["reason", "client_ip", "container", "user"];
const barsPerField = 40;

/** A facet value as a bar; the null value (failures without one) is not a bar. */
function bar(field: CountField, entry: FacetValue): CountBar | undefined {
  if (entry.value === "") return undefined;
  if (field === "user")
    return { value: entry.label, label: entry.label, detail: undefined, count: entry.count };
  return {
    value: entry.value,
    label: entry.label,
    detail: entry.label === entry.value ? undefined : entry.value,
    count: entry.count,
  };
}

export function useFailureCounts(orgId: number, filters: readonly FilterTerm[]) {
  const q = formatQuery(filters) || undefined;
  const facets = useQuery({
    ...eventQueries.facets(orgId, "by_fail", q, countFields, barsPerField),
    throwOnError: false,
  });
  const list = (field: CountField): CountList => ({
    bars: facets.data?.facets[field]?.flatMap((entry) => bar(field, entry) ?? []),
    error: facets.data ? null : facets.error,
  });
  return {
    total: facets.data?.total,
    totalError: facets.data ? null : facets.error,
    isStale: facets.isPlaceholderData,
    reason: list("reason"),
    client_ip: list("client_ip"),
    container: list("container"),
    user: list("user"),
  };
}
