import type { Event } from "../../../contract/event";

/** Strokes of a 16×16 glyph per container event type; anything else gets a dot. */
function Glyph({ type }: { type: string }) {
  switch (type) {
    case "ACCESS":
      return (
        <>
          <path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8 12.1 12.5 8 12.5 1.5 8 1.5 8z" />
          <circle cx="8" cy="8" r="2" />
        </>
      );
    case "BLOCK":
      return (
        <>
          <circle cx="8" cy="8" r="5.5" />
          <path d="M4.2 4.2l7.6 7.6" />
        </>
      );
    case "CREATE":
      return <path d="M8 3v10M3 8h10" />;
    case "EXPIRE":
      return (
        <>
          <circle cx="8" cy="8" r="5.5" />
          <path d="M8 5v3.2l2.2 1.4" />
        </>
      );
    default:
      return <circle cx="8" cy="8" r="2.5" />;
  }
}

/** The timeline marker of an event: a glyph for its type on a disc coloured by its status. */
export function EventTypeIcon({ event }: { event: Event }) {
  const tone = event.status === "FAILURE" ? "failure" : event.status === "SUCCESS" ? "success" : "neutral";
  return (
    <span className={`timeline-icon timeline-icon-${tone}`} aria-hidden="true">
      <svg
        viewBox="0 0 16 16"
        width="16"
        height="16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <Glyph type={event.event_type.description} />
      </svg>
    </span>
  );
}
