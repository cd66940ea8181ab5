import { memo, type ReactNode } from "react";
import { Link } from "react-router";
import type { Event } from "../../../contract/event";
import { paths } from "../../app/paths";
import { isOwnClick, openerKeyDown } from "../../ui/open-on-activate";
import { Skeleton } from "../../ui/states";
import { Timestamp } from "../../ui/timestamp";
import { SeverityCell, StatusCell } from "./events-columns";
import "./event-cards.css";

/**
 * A page of events as cards, for a phone: when, how bad and whether it failed, then what happened, then what
 * and who it was about. A card opens its event (click, Enter or Space); ↓/j and ↑/k move between cards; a
 * container's name opens its timeline at that moment.
 */
function EventCardList({
  orgId,
  label,
  rows,
  perPage,
  onOpen,
  activeId,
  isStale,
  empty,
}: {
  orgId: number;
  label: string;
  rows: Event[] | undefined;
  perPage: number;
  onOpen: (event: Event) => void;
  activeId: string | undefined;
  isStale: boolean;
  empty: ReactNode;
}) {
  if (rows === undefined) {
    return (
      <ol className="event-cards" aria-label={label} aria-busy="true">
        {Array.from({ length: Math.min(perPage, 6) }, (_, index) => (
          <li key={index} className="event-card">
            <Skeleton width="60%" height={14} />
            <Skeleton width="90%" height={14} />
          </li>
        ))}
      </ol>
    );
  }
  if (rows.length === 0) return <div className="event-cards-empty">{empty}</div>;
  return (
    <ol className={`event-cards${isStale ? " is-stale" : ""}`} aria-label={label} aria-busy={isStale}>
      {rows.map((event) => (
        <li
          key={event.id}
          className={`event-card${event.status === "FAILURE" ? " is-failure" : ""}`}
          tabIndex={0}
          aria-current={String(event.id) === activeId ? "true" : undefined}
          onClick={(click) => {
            if (!isOwnClick(click)) onOpen(event);
          }}
          onKeyDown={(key) => {
            openerKeyDown(key, () => {
              onOpen(event);
            });
          }}
        >
          <div className="event-card-head">
            <Timestamp value={event.timestamp} />
            <SeverityCell event={event} />
            {event.status === null ? null : <StatusCell status={event.status} />}
          </div>
          <p className="event-card-description">{event.description}</p>
          <p className="event-card-about">
            <span>{event.event_type.description}</span>
            {event.reason ? <span>{event.reason}</span> : null}
            {event.user ? <span title={event.user.username}>{event.user.name}</span> : null}
            {event.container ? (
              <Link
                to={paths.containerAt(orgId, event.container.id, event.id)}
                title={`Timeline of ${event.container.id} at this event`}
              >
                {event.container.name}
              </Link>
            ) : event.endpoint ? (
              <span>{event.endpoint.name}</span>
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}

export const EventCards = memo(EventCardList);
