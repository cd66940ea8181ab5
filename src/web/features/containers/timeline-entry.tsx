import type { Event } from "../../../contract/event";
import { Timestamp } from "../../ui/timestamp";
import { EventTypeIcon } from "./event-type-icon";

/** One event on the timeline. `highlighted` marks the event the URL points at (or the one just logged). */
export function TimelineEntry({ event, highlighted }: { event: Event; highlighted: boolean }) {
  const failed = event.status === "FAILURE";
  return (
    <li
      id={`event-${event.id}`}
      className={`timeline-entry${highlighted ? " timeline-entry-highlight" : ""}`}
      aria-current={highlighted ? "true" : undefined}
    >
      <EventTypeIcon event={event} />
      <div className="timeline-entry-body">
        <div className="timeline-entry-line">
          <Timestamp value={event.timestamp} />
          <span className="timeline-entry-type">{event.event_type.description}</span>
          {event.status ? (
            <span className={`badge ${failed ? "badge-danger" : "badge-success"}`}>{event.status}</span>
          ) : null}
          {event.alert ? <span className="badge badge-alert">Alert</span> : null}
          <span className="timeline-entry-user">
            {event.user ? (
              <span title={event.user.username}>{event.user.name}</span>
            ) : (
              <span className="muted">No user</span>
            )}
          </span>
        </div>
        <p className="timeline-entry-description">{event.description}</p>
        {event.reason || event.client_ip ? (
          <p className="timeline-entry-why">
            {event.reason ? (
              <>
                Reason <span className="mono">{event.reason}</span>
              </>
            ) : null}
            {event.reason && event.client_ip ? " · " : null}
            {event.client_ip ? (
              <>
                from <span className="mono">{event.client_ip}</span>
              </>
            ) : null}
          </p>
        ) : null}
        <p className="timeline-entry-meta muted">
          Event <span className="mono">{event.id}</span> · {event.event_source.description} ·{" "}
          {event.event_severity.description}
        </p>
      </div>
    </li>
  );
}
