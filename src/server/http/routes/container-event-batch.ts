import { Hono } from "hono";
import {
  newContainerEventBatchSchema,
  type Container,
  type CreatedEvents,
  type NewContainerEventBatch,
} from "../../../contract/container";
import type { EventStore } from "../../store/event-store";
import { loggedEvent, type LoggedEvent } from "../../store/logged-event";
import { badRequest } from "../api-error";
import type { AppEnv } from "../app-env";
import { jsonType, negotiate } from "../negotiate";
import { pathScope } from "../path-scope";
import { limitBatchBody, parseBody, readJson } from "../request-body";
import { requireAdmin } from "../require-auth";

/** Logging many container events of an organisation's reach at once: all of them or none. */
export function containerEventBatchRoutes(store: EventStore) {
  return new Hono<AppEnv>().post(
    "/orgs/:org_id/container_events",
    pathScope(store),
    requireAdmin,
    limitBatchBody,
    async (c) => {
      negotiate(c.req.header("Accept"), [jsonType]);
      const batch = parseBody(newContainerEventBatchSchema, await readJson(c));
      const events = await toLoggedEvents(store, c.get("orgIds"), c.get("caller").id, batch);
      const created: CreatedEvents = {
        message: "Events logged successfully",
        ids: await store.insertContainerEvents(events),
      };
      return c.json(created, 201);
    },
  );
}

/** Each item's container looked up once per id; one outside the reach is a 400 naming the first item with it. */
async function toLoggedEvents(
  store: EventStore,
  orgIds: readonly number[],
  userId: number,
  batch: NewContainerEventBatch,
): Promise<LoggedEvent[]> {
  const containers = new Map<string, Container | undefined>();
  for (const { container_id } of batch.events) {
    if (!containers.has(container_id))
      containers.set(container_id, await store.findContainer(orgIds, container_id));
  }
  return batch.events.map(({ container_id, ...event }, index) => {
    const container = containers.get(container_id);
    if (!container) {
      throw badRequest("No such container in this organisation.", `events[${String(index)}].container_id`);
    }
    return loggedEvent(container, userId, event);
  });
}
