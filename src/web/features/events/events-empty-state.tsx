import type { EventTypesResponse } from "../../../contract/event";
import type { FilterTerm } from "../../../contract/query-grammar";
import type { Paging } from "../../api/request";
import { EmptyState } from "../../ui/states";
import { formatCount } from "../../ui/formats";

/**
 * Why an event list is empty, in the API's terms: a page past the end still answers 200 with the totals, and a
 * well-formed but unknown id (an event type, a container) matches nothing instead of failing.
 */
export function EventsEmptyState({
  paging,
  page,
  filters,
  types,
  emptyTitle,
  onLastPage,
  onClearFilters,
}: {
  paging: Paging;
  page: number;
  filters: readonly FilterTerm[];
  types: EventTypesResponse | undefined;
  emptyTitle: string;
  onLastPage: () => void;
  onClearFilters: () => void;
}) {
  if (paging.total > 0) {
    return (
      <EmptyState
        title={`Page ${page} is past the end`}
        action={
          <button type="button" className="button" onClick={onLastPage}>
            Go to the last page
          </button>
        }
      >
        There are {formatCount(paging.total)} events on {formatCount(paging.totalPages)} pages.
      </EmptyState>
    );
  }
  if (filters.length === 0) return <EmptyState title={emptyTitle} />;
  const unknownTypes = types
    ? filters.filter(
        (term) => term.field === "type" && !types.event_types.some((type) => String(type.id) === term.value),
      )
    : [];
  const containers = filters.filter((term) => term.field === "container");
  return (
    <EmptyState
      title="No events match these filters"
      action={
        <button type="button" className="button" onClick={onClearFilters}>
          Clear filters
        </button>
      }
    >
      {unknownTypes.length > 0 ? (
        <p>There is no event type {unknownTypes.map((term) => term.value).join(" or ")}.</p>
      ) : null}
      {containers.length > 0 ? (
        <p>
          A container filter matches a container id exactly (such as <code>c-0001</code>); an id that does not
          exist matches nothing.
        </p>
      ) : null}
      <p>Filters on different fields must all match; several values of one field match any of them.</p>
    </EmptyState>
  );
}
