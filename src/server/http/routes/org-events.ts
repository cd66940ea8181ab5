import { Hono, type Context } from "hono";
import { containerEventViews } from "../../../contract/api-paths";
import type { EventStore } from "../../store/event-store";
import type { AppEnv } from "../app-env";
import type { EventListAnswers } from "../event-list";
import { notFound } from "../api-error";
import { jsonType, negotiate } from "../negotiate";
import { viewScopes } from "../event-views";
import { parseEventId, pathScope } from "../path-scope";
import { answerFacets } from "./event-facets";
import { answerHistogram } from "./event-histogram";

/**
 * Seed 1's organisation lists (every event, and the five container-event views), and the additions on
 * them: facets, the histogram, live events, one event.
 */
export function orgEventRoutes(
  store: EventStore,
  answerEventList: EventListAnswers,
  answerEventStream: (c: Context<AppEnv>) => Promise<Response>,
  now: () => number,
) {
  const routes = new Hono<AppEnv>();
  const scoped = pathScope(store);
  routes.get("/orgs/:org_id/events", scoped, (c) =>
    answerEventList(c, {
      scope: { orgIds: c.get("orgIds") },
      orgLabel: c.get("org").name,
      view: "events",
    }),
  );
  // Before `:event_id`, which would take "histogram", "facets" or "stream" for an id.
  routes.get("/orgs/:org_id/events/stream", scoped, answerEventStream);
  routes.get("/orgs/:org_id/events/histogram", scoped, (c) => answerHistogram(c, store, now()));
  routes.get("/orgs/:org_id/events/facets", scoped, (c) => answerFacets(c, store));
  routes.get("/orgs/:org_id/events/:event_id", scoped, async (c) => {
    negotiate(c.req.header("Accept"), [jsonType]);
    const eventId = parseEventId(c.req.param("event_id"));
    const event = eventId === undefined ? undefined : await store.findEvent(c.get("orgIds"), eventId);
    if (!event) throw notFound("No such event in this organisation.");
    return c.json(event);
  });
  for (const view of containerEventViews) {
    routes.get(`/orgs/:org_id/container_events/${view}`, scoped, (c) =>
      answerEventList(c, {
        scope: { orgIds: c.get("orgIds"), ...viewScopes[view] },
        orgLabel: c.get("org").name,
        view: `container-events-${view.replace("by_", "")}`,
      }),
    );
  }
  return routes;
}
