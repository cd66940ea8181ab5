import { useQuery } from "@tanstack/react-query";
import type { FilterTerm } from "../../../contract/query-grammar";
import { meQueries } from "../../api/me-queries";
import { formatCount } from "../../ui/formats";
import { ErrorState, Skeleton } from "../../ui/states";
import { formatRange } from "../../ui/time-range";
import { FailureBarList } from "./failure-bar-list";
import { pickFilter, rangeOf } from "./failure-range";
import { ContainerBlockedMark } from "./container-blocked-mark";
import { PickedContainerBlock } from "./picked-container-block";
import { useFailureCounts, type CountField } from "./use-failure-counts";

const lists: readonly { field: CountField; noun: string; title: string; empty: string }[] = [
  { field: "reason", noun: "reason", title: "Top reasons", empty: "No failure here gives a reason." },
  {
    field: "client_ip",
    noun: "client address",
    title: "Top client addresses",
    empty: "No failure here names an address.",
  },
  {
    field: "container",
    noun: "container",
    title: "Top containers",
    empty: "No container has failures here.",
  },
  { field: "user", noun: "user", title: "Top users", empty: "No failure here names a user." },
];

/**
 * Why and from where access fails, over the table's filters and time range (all of it without one): the
 * total, then the top reasons, client addresses, containers and users. Picking one writes its chip into the
 * URL, narrowing the table below; picking it again removes it. Top containers say which are blocked; once one is
 * picked, admins can block or unblock it there.
 */
export function FailureCountsPanel({
  orgId,
  filters,
  onFiltersChange,
}: {
  orgId: number;
  filters: readonly FilterTerm[];
  onFiltersChange: (filters: FilterTerm[]) => void;
}) {
  const counts = useFailureCounts(orgId, filters);
  const canBlock = useQuery(meQueries.me()).data?.user.role === "admin";
  const containerMark = (containerId: string) => (
    <ContainerBlockedMark orgId={orgId} containerId={containerId} />
  );
  const range = rangeOf(filters);
  const selected = (field: CountField) => filters.find((term) => term.field === field)?.value;
  const pickedContainer = selected("container");
  const pick = (field: CountField) => (value: string | undefined) => {
    onFiltersChange(pickFilter(filters, field, value));
  };

  return (
    <section
      className={`failure-counts${counts.isStale ? " is-stale" : ""}`}
      aria-labelledby="failure-counts-title"
      aria-busy={counts.isStale}
    >
      <div className="failure-counts-head">
        <h2 id="failure-counts-title">Where access fails</h2>
        <p className="failure-counts-range">
          {range ? formatRange(range.from, range.until) : "All time"}
          {filters.length > (range ? 2 : 0) ? (
            <span className="muted"> · with the table&apos;s filters</span>
          ) : null}
        </p>
        <p className="failure-counts-total">
          {counts.total !== undefined ? (
            <>
              <strong>{formatCount(counts.total)}</strong> failed{" "}
              {counts.total === 1 ? "attempt" : "attempts"}
            </>
          ) : counts.totalError ? null : (
            <Skeleton width="10em" height={16} />
          )}
        </p>
      </div>
      {counts.totalError && counts.total === undefined ? (
        <ErrorState error={counts.totalError} title="Could not count failures" />
      ) : counts.total === 0 ? (
        <p className="failure-counts-empty">No failed access in this range.</p>
      ) : (
        <div className="failure-counts-grid">
          {lists.map(({ field, noun, title, empty }) => (
            <FailureBarList
              key={field}
              title={title}
              field={field}
              noun={noun}
              list={counts[field]}
              selected={selected(field)}
              emptyText={empty}
              onPick={pick(field)}
              mark={field === "container" ? containerMark : undefined}
              footer={
                field === "container" && canBlock && pickedContainer !== undefined ? (
                  <PickedContainerBlock orgId={orgId} containerId={pickedContainer} />
                ) : null
              }
            />
          ))}
        </div>
      )}
    </section>
  );
}
