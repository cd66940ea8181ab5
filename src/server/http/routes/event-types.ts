import { Hono } from "hono";
import type { EventStore } from "../../store/event-store";
import type { AppEnv } from "../app-env";
import { jsonType, negotiate } from "../negotiate";

/** Every event type, source and severity, for pickers. */
export function eventTypeRoutes(store: EventStore) {
  return new Hono<AppEnv>().get("/event_types", async (c) => {
    negotiate(c.req.header("Accept"), [jsonType]);
    return c.json(await store.eventTypes());
  });
}
