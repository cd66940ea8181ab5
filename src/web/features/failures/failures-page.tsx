import { useSearchParams } from "react-router";
import { eventList } from "../../../contract/list-params";
import { PageHeader } from "../../app/page-header";
import { useListSearch } from "../../app/use-list-search";
import { useOrgId } from "../../app/use-org-id";
import { EventsListView } from "../events/events-list-view";
import { ContainerEventViewTabs } from "./container-event-view-tabs";
import { readView, viewCopy } from "./container-event-views";
import { FailureCountsPanel } from "./failure-counts-panel";
import { timelineLinkColumns } from "./timeline-link-column";
import "./failures-page.css";

/**
 * `/orgs/:orgId/failures` — failed container events (`by_fail`) with where they concentrate, and tabs for the
 * other `by_*` views (`?view=by_access`, …). Every row opens its moment in the container's timeline.
 */
export function Component() {
  const orgId = useOrgId();
  const [params] = useSearchParams();
  const view = readView(params);
  const copy = viewCopy[view];
  const list = useListSearch(eventList);

  return (
    <div className="page failures-page">
      <PageHeader title={copy.title} orgId={orgId} />
      <ContainerEventViewTabs current={view} />
      <p className="view-description">{copy.description}</p>
      {view === "by_fail" ? (
        <FailureCountsPanel orgId={orgId} filters={list.filters} onFiltersChange={list.setFilters} />
      ) : null}
      <EventsListView
        key={view}
        orgId={orgId}
        view={view}
        label={copy.label}
        emptyTitle={copy.empty}
        extraColumns={timelineLinkColumns}
      />
    </div>
  );
}
