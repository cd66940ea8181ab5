import { useOrgId } from "../../app/use-org-id";
import { PageHeader } from "../../app/page-header";
import { EventsListView } from "./events-list-view";

/** `/orgs/:orgId/events` — every event of the organisation and its descendants. */
export function Component() {
  const orgId = useOrgId();
  return (
    <div className="page">
      <PageHeader title="Events" orgId={orgId} />
      <EventsListView
        orgId={orgId}
        view="events"
        label="Events"
        topValues
        emptyTitle="No events have been recorded for this organisation yet"
      />
    </div>
  );
}
