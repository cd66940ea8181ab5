import { Link } from "react-router";
import type { Event } from "../../../contract/event";
import type { FilterTerm } from "../../../contract/query-grammar";
import { paths } from "../../app/paths";
import { getDisplayZone, zoneName } from "../../ui/display-zone";
import { Timestamp, formatUtc } from "../../ui/timestamp";
import { eventDetailGroups, type DetailField } from "./event-detail-fields";
import "./event-detail.css";

/** The body of the event drawer: every field, with "Filter by this value" where the API can filter on it. */
export function EventDetail({
  event,
  orgId,
  onFilter,
}: {
  event: Event;
  orgId: number;
  onFilter: (term: FilterTerm) => void;
}) {
  return (
    <div className="event-detail">
      {eventDetailGroups(event).map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3>{group.title}</h3>
          <dl>
            {group.fields.map((field) => (
              <div key={field.label} className="event-detail-row">
                <dt>{field.label}</dt>
                <dd>
                  <FieldValue field={field} event={event} orgId={orgId} />
                  {field.filter ? (
                    <FilterButton field={field} term={field.filter} onFilter={onFilter} />
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

function FieldValue({ field, event, orgId }: { field: DetailField; event: Event; orgId: number }) {
  if (field.value === null) return <span className="muted">none</span>;
  const hint = field.hint ? <span className="muted mono"> ({field.hint})</span> : null;
  if (field.kind === "timestamp") {
    return (
      <span>
        <Timestamp value={field.value} /> <span className="muted">{zoneName()}</span>
        {getDisplayZone() === "local" ? <span className="muted"> · {formatUtc(field.value)}</span> : null}
      </span>
    );
  }
  if (field.kind === "container" && event.container) {
    return (
      <span>
        <Link to={paths.container(orgId, event.container.id)}>{field.value}</Link>
        {hint}
      </span>
    );
  }
  return (
    <span className="event-detail-value">
      {field.value}
      {hint}
    </span>
  );
}

function FilterButton({
  field,
  term,
  onFilter,
}: {
  field: DetailField;
  term: FilterTerm;
  onFilter: (term: FilterTerm) => void;
}) {
  return (
    <button
      type="button"
      className="button button-small button-quiet event-detail-filter"
      onClick={() => {
        onFilter(term);
      }}
    >
      Filter by this value<span className="visually-hidden"> ({field.label})</span>
    </button>
  );
}
