import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { CreatedEvent } from "../../../contract/container";
import { eventFilterFields } from "../../../contract/filter-fields";
import { eventList } from "../../../contract/list-params";
import { containerEventQueries } from "../../api/container-event-queries";
import { containerQueries } from "../../api/container-queries";
import { eventQueries } from "../../api/event-queries";
import { meQueries } from "../../api/me-queries";
import { PageHeader } from "../../app/page-header";
import { paths } from "../../app/paths";
import { useListSearch } from "../../app/use-list-search";
import { useOrgId } from "../../app/use-org-id";
import { Drawer } from "../../ui/drawer";
import { FilterChips } from "../../ui/filter-chips";
import { ExportCsvButton } from "../export/export-csv-button";
import { EmptyState, Skeleton } from "../../ui/states";
import { showToast } from "../../ui/toast";
import { eventFilterFieldConfigs, fieldsForView } from "../events/event-filter-fields";
import { BlockContainerButton } from "./block-container-button";
import { ContainerFacts } from "./container-facts";
import { ContainerTimeline } from "./container-timeline";
import { LogEventForm } from "./log-event-form";
import "./container-timeline.css";

/** `?at=<event id>` opens the timeline around that event (links from the failures view use it). */
function readAnchor(params: URLSearchParams): number | undefined {
  const at = params.get("at") ?? "";
  return /^[0-9]{1,15}$/.test(at) ? Number(at) : undefined;
}

/**
 * `/orgs/:orgId/containers/:containerId` — a container's facts and its events as a timeline, filtered by the
 * URL's `q`; admins log new events and block or unblock the container here.
 */
export function Component() {
  const orgId = useOrgId();
  const { containerId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const list = useListSearch(eventList);
  const queryClient = useQueryClient();
  const container = useQuery(containerQueries.detail(orgId, containerId));
  const me = useQuery(meQueries.me());
  const types = useQuery(eventQueries.types());
  const fields = useMemo(
    () =>
      fieldsForView(eventFilterFieldConfigs(types.data), { container: containerId }).filter(
        (field) => field.field !== "container",
      ),
    [types.data, containerId],
  );
  // The form's state is in the URL (`?log=event`) like any open panel. The server decides who may write, so a
  // support user who opens it by hand sees its 403.
  const logging = params.get("log") === "event";
  function setLogging(open: boolean) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (open) next.set("log", "event");
        else next.delete("log");
        return next;
      },
      { replace: !open },
    );
  }

  const q = list.request.q;
  const anchorId = readAnchor(params);
  const position = useQuery({
    ...containerEventQueries.position(orgId, containerId, q, anchorId ?? 0),
    enabled: anchorId !== undefined,
  });
  const startPage = anchorId === undefined ? 1 : position.data === null ? 1 : position.data?.page;

  function logged(created: CreatedEvent) {
    showToast(`Event ${created.id} logged.`);
    void queryClient.invalidateQueries({ queryKey: eventQueries.all(orgId) });
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete("log");
        next.set("at", String(created.id));
        return next;
      },
      { replace: true },
    );
  }

  /** After a block or unblock: its BLOCK event is the newest, so the timeline opens at the top. */
  function showLatest() {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete("at");
        return next;
      },
      { replace: true },
    );
  }

  const isAdmin = me.data?.user.role === "admin";
  const name = container.data?.name ?? `Container ${containerId}`;

  return (
    <div className="page">
      <PageHeader
        title={name}
        orgId={orgId}
        subtitle={<Link to={paths.containers(orgId)}>All containers</Link>}
        actions={
          isAdmin ? (
            <>
              {container.data ? (
                <BlockContainerButton orgId={orgId} container={container.data} onChanged={showLatest} />
              ) : null}
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  setLogging(true);
                }}
              >
                Log event
              </button>
            </>
          ) : null
        }
      />
      {container.data ? (
        <ContainerFacts container={container.data} />
      ) : (
        <div className="container-facts">
          <Skeleton width="60%" height={16} />
        </div>
      )}
      <FilterChips
        terms={list.filters}
        onChange={list.setFilters}
        fields={fields}
        specs={eventFilterFields}
        timeRange
      />
      <ExportCsvButton orgId={orgId} view={{ container: containerId }} request={list.request} />
      {/* Focusable, so keyboard users can scroll it even before it holds a link (axe: scrollable-region-focusable). */}
      <section className="timeline-scroll" tabIndex={0} aria-label="Timeline">
        {anchorId !== undefined && position.data === null ? (
          <p className="timeline-notice" role="status">
            Event {anchorId} is not in this container's timeline
            {list.filters.length > 0 ? " with these filters" : ""}; showing the latest events.
          </p>
        ) : null}
        {startPage === undefined ? (
          <div className="timeline" role="status">
            <span className="visually-hidden">Finding event {anchorId}…</span>
            <Skeleton width="50%" height={14} />
          </div>
        ) : (
          <ContainerTimeline
            orgId={orgId}
            containerId={containerId}
            q={q}
            startPage={startPage}
            anchorId={anchorId}
            empty={
              list.filters.length > 0 ? (
                <EmptyState
                  title="No events match these filters"
                  action={
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        list.setFilters([]);
                      }}
                    >
                      Clear filters
                    </button>
                  }
                />
              ) : (
                <EmptyState title="No events have been recorded for this container yet" />
              )
            }
          />
        )}
      </section>
      <Drawer
        open={logging}
        onClose={() => {
          setLogging(false);
        }}
        title={`Log an event for ${name}`}
      >
        {logging ? (
          <LogEventForm
            orgId={orgId}
            containerId={containerId}
            onLogged={logged}
            onCancel={() => {
              setLogging(false);
            }}
          />
        ) : null}
      </Drawer>
    </div>
  );
}
