import { Hono } from "hono";
import { z } from "zod";
import {
  newContainerEventSchema,
  type CreatedEvent,
  type NewContainerEvent,
} from "../../../contract/container";
import { issueParam } from "../../../contract/issue-param";
import { containerList, parseListParams } from "../../../contract/list-params";
import type { EventStore } from "../../store/event-store";
import { loggedEvent } from "../../store/logged-event";
import { ApiError, badRequest } from "../api-error";
import type { AppEnv } from "../app-env";
import type { EventListAnswers } from "../event-list";
import { echoHeaders, pageHeaders } from "../list-headers";
import { jsonType, negotiate } from "../negotiate";
import { pathScope } from "../path-scope";
import { limitBody, parseBody, readJson } from "../request-body";
import { requireAdmin } from "../require-auth";

const wrappedEventSchema = z.strictObject({ event: newContainerEventSchema });

/** An organisation's containers, one container, its events, and logging a new event on it. */
export function containerRoutes(store: EventStore, answerEventList: EventListAnswers) {
  const scoped = pathScope(store);
  return new Hono<AppEnv>()
    .get("/orgs/:org_id/containers", scoped, async (c) => {
      negotiate(c.req.header("Accept"), [jsonType]);
      const url = new URL(c.req.url);
      const parsed = parseListParams(url.searchParams, containerList);
      if (!parsed.ok) throw badRequest(parsed.message, parsed.param);
      const params = parsed.value;
      const page = await store.listContainers(
        c.get("orgIds"),
        params.filter,
        params.sort,
        { page: params.page, perPage: params.perPage },
        { signal: c.req.raw.signal },
      );
      return c.json(page.rows, 200, {
        ...pageHeaders(url, params.page, params.perPage, page.total),
        ...echoHeaders(params),
      });
    })
    .get("/orgs/:org_id/containers/:container_id", scoped, (c) => {
      negotiate(c.req.header("Accept"), [jsonType]);
      return c.json(c.get("container"));
    })
    .get("/orgs/:org_id/containers/:container_id/events", scoped, (c) => {
      const container = c.get("container");
      return answerEventList(c, {
        scope: { orgIds: c.get("orgIds"), containerId: container.id },
        orgLabel: c.get("org").name,
        view: `container-${container.id}`,
      });
    })
    .post("/orgs/:org_id/containers/:container_id/events", scoped, requireAdmin, limitBody, async (c) => {
      negotiate(c.req.header("Accept"), [jsonType]);
      const event = parseNewEvent(await readJson(c));
      const [id] = await store.insertContainerEvents([
        loggedEvent(c.get("container"), c.get("caller").id, event),
      ]);
      if (id === undefined) throw new ApiError("internal", "The store answered no id for the logged event.");
      const created: CreatedEvent = { message: "Event logged successfully", id };
      return c.json(created, 201);
    });
}

/** The event, bare or wrapped as `{"event": {...}}` (seed 1's example); errors name the event's field. */
function parseNewEvent(body: unknown): NewContainerEvent {
  if (typeof body !== "object" || body === null || !("event" in body)) {
    return parseBody(newContainerEventSchema, body);
  }
  const parsed = wrappedEventSchema.safeParse(body);
  if (parsed.success) return parsed.data.event;
  const { param, message } = issueParam(parsed.error);
  throw badRequest(message, param?.replace(/^event\./, "") ?? "body");
}
