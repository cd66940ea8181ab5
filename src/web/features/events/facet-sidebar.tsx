import { useQuery } from "@tanstack/react-query";
import type { ContainerEventView } from "../../../contract/api-paths";
import type { FacetField } from "../../../contract/facets";
import { formatQuery, type FilterTerm } from "../../../contract/query-grammar";
import { eventQueries } from "../../api/event-queries";
import type { FilterFieldConfig } from "../../ui/filter-field-config";
import { formatCount } from "../../ui/formats";
import { Skeleton } from "../../ui/states";
import { filterAnyOf, filterIs, valuesIsNot } from "./facet-filters";
import "./facet-sidebar.css";

const sidebarFields: readonly { field: FacetField; label: string }[] = [
  { field: "type", label: "Type" },
  { field: "severity", label: "Severity" },
  { field: "source", label: "Source" },
  { field: "status", label: "Status" },
  { field: "user", label: "User" },
  { field: "container", label: "Container" },
  { field: "reason", label: "Reason" },
];
const valuesPerField = 5;

/** What a field's chip takes for a facet value: a user's username (the label), else the value itself. */
const chipValue = (field: FacetField, value: { value: string; label: string }) =>
  field === "user" ? value.label : value.value;

/**
 * Top values with exact counts of the list's main fields, over its view and filters, from one facets request:
 * a value narrows the list to it ("is"); for fields with a closed set of values, "is not" keeps the others.
 */
export function FacetSidebar({
  orgId,
  view,
  scopeTerms,
  filters,
  fields,
  onFiltersChange,
}: {
  orgId: number;
  view: "all" | ContainerEventView;
  scopeTerms: readonly FilterTerm[];
  filters: readonly FilterTerm[];
  fields: readonly FilterFieldConfig[];
  onFiltersChange: (filters: FilterTerm[]) => void;
}) {
  const q = formatQuery([...scopeTerms, ...filters]) || undefined;
  const facets = useQuery({
    ...eventQueries.facets(
      orgId,
      view,
      q,
      sidebarFields.map(({ field }) => field),
      valuesPerField,
    ),
    throwOnError: false,
  });

  return (
    <aside
      className={`facet-sidebar${facets.isPlaceholderData ? " is-stale" : ""}`}
      aria-label="Top values"
      aria-busy={facets.isFetching}
    >
      {facets.isError && !facets.data ? (
        <p className="muted facet-error">The top values could not be counted.</p>
      ) : null}
      {sidebarFields.map(({ field, label }) => {
        const values = facets.data?.facets[field]?.filter((value) => value.value !== "");
        const headingId = `facet-${field}`;
        const config = fields.find((candidate) => candidate.field === field);
        return (
          <section key={field} className="facet" aria-labelledby={headingId}>
            <h2 id={headingId} className="facet-title">
              {label}
            </h2>
            {!values ? (
              facets.isError ? null : (
                <Skeleton width="70%" height={14} />
              )
            ) : values.length === 0 ? (
              <p className="muted facet-empty">None</p>
            ) : (
              <ul className="facet-values">
                {values.map((value) => {
                  const others = valuesIsNot(filters, config, value.value);
                  return (
                    <li key={value.value} className="facet-row">
                      <button
                        type="button"
                        className="facet-value"
                        title={`${label} is ${value.label}`}
                        onClick={() => {
                          onFiltersChange(filterIs(filters, field, chipValue(field, value)));
                        }}
                      >
                        <span className="facet-label">{value.label}</span>{" "}
                        <span className="facet-count">
                          {formatCount(value.count)}
                          <span className="visually-hidden">
                            {" "}
                            events, filter {label} is {value.label}
                          </span>
                        </span>
                      </button>
                      {others ? (
                        <button
                          type="button"
                          className="facet-not"
                          aria-label={`Filter ${label} is not ${value.label}`}
                          title={`${label} is not ${value.label}`}
                          disabled={others.length === 0}
                          onClick={() => {
                            onFiltersChange(filterAnyOf(filters, field, others));
                          }}
                        >
                          <span aria-hidden="true">≠</span>
                        </button>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </aside>
  );
}
