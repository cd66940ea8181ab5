import { EmptyState, ErrorState } from "../../ui/states";

/**
 * Why an event list shows no rows after its request failed: a filter the server refused (400 on `q`, with a
 * way out) or any other error (with a retry).
 */
export function EventsLoadFailed({
  error,
  filterRefused,
  onClearFilters,
  onRetry,
}: {
  error: Error;
  filterRefused: boolean;
  onClearFilters: () => void;
  onRetry: () => void;
}) {
  if (!filterRefused) return <ErrorState error={error} onRetry={onRetry} />;
  return (
    <EmptyState
      title="The highlighted filter cannot be applied"
      action={
        <button type="button" className="button" onClick={onClearFilters}>
          Clear filters
        </button>
      }
    >
      Edit or remove it to see events.
    </EmptyState>
  );
}
