import { useQueries, useQuery } from "@tanstack/react-query";
import type { Event } from "../../../contract/event";
import { formatQuery } from "../../../contract/query-grammar";
import { containerQueries } from "../../api/container-queries";
import { eventQueries } from "../../api/event-queries";
import type { ListRequest } from "../../api/list-page";
import { rangeTerms, type FailureRange } from "./failure-range";

/**
 * Failure counts by container, user and endpoint over a time range, from the list API alone (the contract has
 * no aggregate endpoint): every count is the `x-total-count` of a `per_page=1` request on `by_fail`, with the
 * same `q` the table gets when the count is clicked, so a bar and the narrowed table always agree.
 * Candidates: every container of the organisation, and the users and endpoints seen in the most recent
 * failures. When that sample holds every failure of the range, values it does not contain are known to be 0
 * and are not asked about.
 */

export type CountField = "container" | "user" | "endpoint";

export type CountBar = { value: string; label: string; detail: string | undefined; count: number };

export type CountList = {
  /** The values with at least one failure, busiest first; undefined while loading. */
  bars: CountBar[] | undefined;
  error: Error | null;
};

type Candidate = { value: string; label: string; detail: string | undefined; seen: number };

const sampleSize = 1000;
const maxCandidates = 40;

const countRequest = (q: string): ListRequest => ({ page: 1, perPage: 1, sort: undefined, q });

function rankCandidates(byValue: Map<string, Candidate>, sampleIsComplete: boolean): Candidate[] {
  return [...byValue.values()]
    .filter((candidate) => !sampleIsComplete || candidate.seen > 0)
    .sort((a, b) => b.seen - a.seen || a.label.localeCompare(b.label))
    .slice(0, maxCandidates);
}

function tally(
  byValue: Map<string, Candidate>,
  events: readonly Event[],
  pick: (event: Event) => Omit<Candidate, "seen"> | undefined,
) {
  for (const event of events) {
    const found = pick(event);
    if (!found) continue;
    const candidate = byValue.get(found.value) ?? { ...found, seen: 0 };
    candidate.seen += 1;
    byValue.set(found.value, candidate);
  }
  return byValue;
}

function useCountList(
  orgId: number,
  range: FailureRange,
  field: CountField,
  candidates: Candidate[] | undefined,
  upstreamError: Error | null,
): CountList {
  return useQueries({
    queries: (candidates ?? []).map((candidate) => ({
      ...eventQueries.list(
        orgId,
        "by_fail",
        countRequest(formatQuery([...rangeTerms(range), { field, value: candidate.value }])),
      ),
      select: (page: { paging: { total: number } }) => page.paging.total,
      throwOnError: false,
    })),
    combine: (results): CountList => {
      const error = upstreamError ?? results.find((result) => result.error)?.error ?? null;
      if (!candidates || results.some((result) => result.data === undefined)) {
        return { bars: undefined, error };
      }
      const counted = candidates
        .map((candidate, index) => ({
          value: candidate.value,
          label: candidate.label,
          detail: candidate.detail,
          count: results[index]?.data ?? 0,
        }))
        .filter((bar) => bar.count > 0)
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
      return { bars: counted, error };
    },
  });
}

export function useFailureCounts(orgId: number, range: FailureRange) {
  const rangeQ = formatQuery(rangeTerms(range));
  const total = useQuery({
    ...eventQueries.list(orgId, "by_fail", countRequest(rangeQ)),
    select: (page) => page.paging.total,
    throwOnError: false,
  });
  const sample = useQuery({
    ...eventQueries.list(orgId, "by_fail", { page: 1, perPage: sampleSize, sort: undefined, q: rangeQ }),
    throwOnError: false,
  });
  const containers = useQuery({
    ...containerQueries.list(orgId, { page: 1, perPage: 1000, sort: undefined, q: undefined }),
    throwOnError: false,
  });

  const rows = sample.data?.rows;
  const complete = sample.data ? sample.data.paging.total <= sample.data.rows.length : false;

  const containerCandidates =
    rows && containers.data
      ? rankCandidates(
          tally(
            new Map(
              containers.data.rows.map((container) => [
                container.id,
                { value: container.id, label: container.name, detail: container.id, seen: 0 },
              ]),
            ),
            rows,
            (event) =>
              event.container
                ? { value: event.container.id, label: event.container.name, detail: event.container.id }
                : undefined,
          ),
          complete,
        )
      : undefined;
  const userCandidates = rows
    ? rankCandidates(
        tally(new Map(), rows, (event) =>
          event.user
            ? { value: event.user.username, label: event.user.name, detail: event.user.username }
            : undefined,
        ),
        true,
      )
    : undefined;
  const endpointCandidates = rows
    ? rankCandidates(
        tally(new Map(), rows, (event) =>
          event.endpoint
            ? { value: event.endpoint.name, label: event.endpoint.name, detail: event.endpoint.ip_address }
            : undefined,
        ),
        true,
      )
    : undefined;

  return {
    total: total.data,
    totalError: total.error,
    isStale: sample.isPlaceholderData || total.isPlaceholderData,
    container: useCountList(orgId, range, "container", containerCandidates, sample.error ?? containers.error),
    user: useCountList(orgId, range, "user", userCandidates, sample.error),
    endpoint: useCountList(orgId, range, "endpoint", endpointCandidates, sample.error),
  };
}
