import { Link, useParams } from "react-router";
import type { Event } from "../../../contract/event";
import { paths } from "../../app/paths";
import { dataTableColumnHelper } from "../../ui/data-table-features";
import { formatLocal } from "../../ui/timestamp";

const column = dataTableColumnHelper<Event>();

function TimelineLink({ event }: { event: Event }) {
  const { orgId } = useParams();
  const { container } = event;
  if (!container) return null;
  return (
    <Link
      className="button button-small timeline-link"
      to={paths.containerAt(Number(orgId), container.id, event.id)}
      aria-label={`Open ${container.name} timeline at ${formatLocal(event.timestamp)}`}
    >
      Timeline
    </Link>
  );
}

/** A last column whose link opens the event's moment in its container's timeline. */
export const timelineLinkColumns = [
  column.display({
    id: "timeline",
    header: () => <span className="visually-hidden">Open in timeline</span>,
    enableSorting: false,
    size: 96,
    enableResizing: false,
    meta: { label: "Open in timeline", className: "cell-action" },
    cell: (info) => <TimelineLink event={info.row.original} />,
  }),
];
