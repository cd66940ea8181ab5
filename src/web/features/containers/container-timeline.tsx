import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Event } from "../../../contract/event";
import { containerEventQueries } from "../../api/container-event-queries";
import { useDisplayZone } from "../../ui/display-zone";
import { ErrorState, Skeleton } from "../../ui/states";
import { formatQuery, parseQuery } from "../../../contract/query-grammar";
import { LiveBar } from "../events/live-bar";
import { useLiveEvents } from "../events/use-live-events";
import { groupByDay } from "./timeline-days";
import { TimelineEntry } from "./timeline-entry";
import { formatCount } from "../../ui/formats";

/** How close to the edge of a loaded page the anchor may sit before the neighbouring page is loaded too. */
const anchorContext = 5;

/**
 * A container's events as a vertical timeline grouped by day in the zone times are shown in, newest first. Older pages load when the
 * end of the list scrolls into view (or with the `Load older events` button); when the timeline opens at
 * `startPage` (around `anchorId`), newer pages load with `Load newer events`. The anchor is scrolled to and
 * highlighted once it is on screen. The buttons stay enabled (aria-disabled) while loading so they keep focus.
 */
export function ContainerTimeline({
  orgId,
  containerId,
  q,
  startPage,
  anchorId,
  empty,
}: {
  orgId: number;
  containerId: string;
  q: string | undefined;
  startPage: number;
  anchorId: number | undefined;
  empty: ReactNode;
}) {
  const timeline = useInfiniteQuery(containerEventQueries.timeline(orgId, containerId, q, startPage));
  const { hasNextPage, isFetchingNextPage, fetchNextPage, hasPreviousPage, isFetchingPreviousPage } =
    timeline;

  const events = useMemo(() => {
    const seen = new Set<number>();
    const rows: Event[] = [];
    for (const page of timeline.data?.pages ?? []) {
      for (const event of page.rows) {
        if (!seen.has(event.id)) rows.push(event);
        seen.add(event.id);
      }
    }
    return rows;
  }, [timeline.data]);
  const zone = useDisplayZone();
  const [now] = useState(() => Date.now());
  const days = useMemo(() => groupByDay(events, now, zone), [events, now, zone]);
  const total = timeline.data?.pages[0]?.paging.total;

  // New events grow the timeline at the top, once the reader asks, when its newest events are on screen.
  const atTop = timeline.data !== undefined && !hasPreviousPage;
  const newestId = events.length > 0 ? Math.max(...events.map((event) => event.id)) : undefined;
  const live = useLiveEvents({
    orgId,
    view: "all",
    q: liveQuery(containerId, q),
    since: newestId,
    enabled: atTop,
    refresh: containerEventQueries.timeline(orgId, containerId, q, startPage).queryKey,
  });

  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: "300px 0px" },
    );
    observer.observe(target);
    return () => {
      observer.disconnect();
    };
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Show a few events on each side of the anchor, even when it sits at the edge of its page.
  const anchorIndex = anchorId === undefined ? -1 : events.findIndex((event) => event.id === anchorId);
  const wantsNewer = anchorIndex >= 0 && anchorIndex < anchorContext && hasPreviousPage;
  const wantsOlder = anchorIndex >= 0 && events.length - anchorIndex <= anchorContext && hasNextPage;
  const { fetchPreviousPage } = timeline;
  useEffect(() => {
    if (wantsNewer && !isFetchingPreviousPage) void fetchPreviousPage();
  }, [wantsNewer, isFetchingPreviousPage, fetchPreviousPage]);
  useEffect(() => {
    if (wantsOlder && !isFetchingNextPage) void fetchNextPage();
  }, [wantsOlder, isFetchingNextPage, fetchNextPage]);

  const scrolledTo = useRef<number>(undefined);
  useEffect(() => {
    if (anchorId === undefined || anchorIndex < 0 || scrolledTo.current === anchorId) return;
    scrolledTo.current = anchorId;
    document.getElementById(`event-${anchorId}`)?.scrollIntoView({ block: "center" });
  }, [anchorId, anchorIndex]);

  if (timeline.data === undefined) {
    if (timeline.error) return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
    return (
      <div className="timeline" role="status" aria-busy="true">
        <span className="visually-hidden">Loading events…</span>
        {[70, 45, 85, 55, 65].map((width) => (
          <div key={width} className="timeline-skeleton">
            <Skeleton width="28px" height={28} />
            <Skeleton width={`${width}%`} height={14} />
          </div>
        ))}
      </div>
    );
  }
  if (events.length === 0) return <>{empty}</>;

  return (
    <div className="timeline">
      {atTop ? <LiveBar live={live} /> : null}
      <p className="timeline-count muted" aria-live="polite">
        {formatCount(events.length)} of {formatCount(total ?? events.length)} events loaded
      </p>
      {hasPreviousPage ? (
        <div className="timeline-more">
          <button
            type="button"
            className="button"
            aria-disabled={isFetchingPreviousPage}
            onClick={() => {
              if (!isFetchingPreviousPage) void fetchPreviousPage();
            }}
          >
            {isFetchingPreviousPage ? "Loading newer events…" : "Load newer events"}
          </button>
        </div>
      ) : null}
      {days.map((day) => (
        <section key={day.key} className="timeline-day" aria-labelledby={`day-${day.key}`}>
          <h2 id={`day-${day.key}`} className="timeline-day-heading">
            {day.label}
            <span className="muted"> · {day.events.length}</span>
          </h2>
          <ol className="timeline-entries">
            {day.events.map((event) => (
              <TimelineEntry key={event.id} event={event} highlighted={event.id === anchorId} />
            ))}
          </ol>
        </section>
      ))}
      <div ref={sentinel} className="timeline-more">
        {hasNextPage ? (
          <button
            type="button"
            className="button"
            aria-disabled={isFetchingNextPage}
            onClick={() => {
              if (!isFetchingNextPage) void fetchNextPage();
            }}
          >
            {isFetchingNextPage ? "Loading older events…" : "Load older events"}
          </button>
        ) : (
          <p className="muted">The beginning of this container's timeline.</p>
        )}
      </div>
      {timeline.isFetchNextPageError || timeline.isFetchPreviousPageError ? (
        <ErrorState error={timeline.error} title="Could not load more events" />
      ) : null}
    </div>
  );
}

/** The stream's `q` for one container's timeline: its own filters and the container. */
function liveQuery(containerId: string, q: string | undefined): string {
  const terms = q ? parseQuery(q) : undefined;
  return formatQuery([{ field: "container", value: containerId }, ...(terms?.ok ? terms.value : [])]);
}
