import { useQuery } from "@tanstack/react-query";
import type { FacetValue } from "../../../contract/facets";
import { formatQuery, type FilterTerm } from "../../../contract/query-grammar";
import { eventQueries } from "../../api/event-queries";
import { rangeTerms, type FailureRange } from "./failure-range";

/**
 * Failure counts by container, user and endpoint over a time range and the table's other filters: one facets
 * request on `by_fail`, exact, whose `total` is the table's when it shows the same range.
 */

export type CountField = "container" | "user" | "endpoint";

/** `value` is what the field's filter chip takes: a container's id, a user's username, an endpoint's name. */
export type CountBar = { value: string; label: string; detail: string | undefined; count: number };

export type CountList = {
  /** The values with at least one failure, busiest first; undefined while loading. */
  bars: CountBar[] | undefined;
  error: Error | null;
};

const countFields: readonly CountField[] = ["container", "user", "endpoint"];
const barsPerField = 40;

/** A facet value as a bar; the null value (failures without one) is not a bar. */
function bar(field: CountField, entry: FacetValue): CountBar | undefined {
  if (entry.value === "") return undefined;
  if (field === "container")
    return { value: entry.value, label: entry.label, detail: entry.value, count: entry.count };
  return { value: entry.label, label: entry.label, detail: undefined, count: entry.count };
}

export function useFailureCounts(orgId: number, range: FailureRange, filters: readonly FilterTerm[]) {
  const others = filters.filter((term) => term.field !== "from" && term.field !== "until");
  const q = formatQuery([...rangeTerms(range), ...others]);
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
    container: list("container"),
    user: list("user"),
    endpoint: list("endpoint"),
  };
}
