import type { Event } from "../../../contract/event";
import type { FilterTerm } from "../../../contract/query-grammar";
import { showToast } from "../../ui/toast";

/** How far before and after an event its surrounding events reach. */
export const surroundingMs = 15 * 60_000;

/** The filters that show what happened around an event: the same container (or else user), ±15 minutes. */
export function surroundingFilters(event: Event): FilterTerm[] {
  const at = Date.parse(event.timestamp);
  const near: FilterTerm[] = event.container
    ? [{ field: "container", value: event.container.id }]
    : event.user
      ? [{ field: "user", value: event.user.username }]
      : [];
  return [
    { field: "from", value: new Date(at - surroundingMs).toISOString() },
    { field: "until", value: new Date(at + surroundingMs).toISOString() },
    ...near,
  ];
}

async function copyAsJson(event: Event): Promise<void> {
  try {
    await navigator.clipboard.writeText(`${JSON.stringify(event, null, 2)}\n`);
    showToast(`Event ${String(event.id)} copied as JSON.`);
  } catch {
    showToast("The browser did not allow copying to the clipboard.", { tone: "error" });
  }
}

/**
 * The drawer's actions on its event: step to the previous or next row of the page (absent at its ends), show
 * the events around it, copy it as JSON.
 */
export function EventDetailActions({
  event,
  onPrevious,
  onNext,
  onShowFilters,
}: {
  event: Event;
  onPrevious: (() => void) | undefined;
  onNext: (() => void) | undefined;
  onShowFilters: (terms: FilterTerm[]) => void;
}) {
  const around = event.container ? "same container" : event.user ? "same user" : "all events";
  return (
    <div className="event-detail-actions" role="group" aria-label="Event actions">
      <button type="button" className="button button-small" disabled={!onPrevious} onClick={onPrevious}>
        ‹ Previous event
      </button>
      <button type="button" className="button button-small" disabled={!onNext} onClick={onNext}>
        Next event ›
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          onShowFilters(surroundingFilters(event));
        }}
      >
        Surrounding events<span className="muted"> ({around}, ±15 min)</span>
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          void copyAsJson(event);
        }}
      >
        Copy as JSON
      </button>
    </div>
  );
}
