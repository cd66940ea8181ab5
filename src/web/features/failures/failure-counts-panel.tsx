import type { FilterTerm } from "../../../contract/query-grammar";
import { ErrorState, Skeleton } from "../../ui/states";
import { formatRange } from "../../ui/time-range";
import { FailureBarList } from "./failure-bar-list";
import { pickFilter, rangeTerms, type FailureRange } from "./failure-range";
import { useFailureCounts, type CountField } from "./use-failure-counts";
import { formatCount } from "../../ui/formats";

/**
 * Where failed access concentrates over the selected range and the table's filters: the total, then the
 * busiest containers, users and endpoints. Picking one writes its chip (and the counted range) into the URL,
 * narrowing the table below.
 */
export function FailureCountsPanel({
  orgId,
  range,
  filters,
  onFiltersChange,
}: {
  orgId: number;
  range: FailureRange;
  filters: readonly FilterTerm[];
  onFiltersChange: (filters: FilterTerm[]) => void;
}) {
  const counts = useFailureCounts(orgId, range, filters);
  const selected = (field: CountField) => filters.find((term) => term.field === field)?.value;
  const pick = (field: CountField) => (value: string | undefined) => {
    onFiltersChange(pickFilter(filters, field, value, range));
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
          {formatRange(range.from, range.until)}
          {range.isDefault ? <span className="muted"> · last 30 days</span> : null}
        </p>
        {range.isDefault ? (
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => {
              onFiltersChange([...rangeTerms(range), ...filters]);
            }}
          >
            Show these 30 days in the table
          </button>
        ) : null}
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
          <FailureBarList
            title="Top containers"
            field="container"
            list={counts.container}
            selected={selected("container")}
            emptyText="No container has failures in this range."
            onPick={pick("container")}
          />
          <FailureBarList
            title="Top users"
            field="user"
            list={counts.user}
            selected={selected("user")}
            emptyText="No failure in this range names a user."
            onPick={pick("user")}
          />
          <FailureBarList
            title="Top endpoints"
            field="endpoint"
            list={counts.endpoint}
            selected={selected("endpoint")}
            emptyText="No failure in this range names an endpoint."
            onPick={pick("endpoint")}
          />
        </div>
      )}
    </section>
  );
}
