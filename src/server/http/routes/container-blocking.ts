import { Hono } from "hono";
import { containerBlockingSchema, type Container } from "../../../contract/container";
import { blockingEvent } from "../../store/blocking-event";
import type { EventStore } from "../../store/event-store";
import { ApiError, notFound } from "../api-error";
import type { AppEnv } from "../app-env";
import { jsonType, negotiate } from "../negotiate";
import { pathScope } from "../path-scope";
import { limitBody, parseBody, readJson } from "../request-body";
import { requireAdmin } from "../require-auth";

/** Blocking or unblocking a container, recorded by a BLOCK event in the same transaction. */
export function containerBlockingRoutes(store: EventStore, now: () => number) {
  return new Hono<AppEnv>().patch(
    "/orgs/:org_id/containers/:container_id",
    pathScope(store),
    requireAdmin,
    limitBody,
    async (c) => {
      negotiate(c.req.header("Accept"), [jsonType]);
      const blocking = parseBody(containerBlockingSchema, await readJson(c));
      const container = c.get("container");
      const event = blockingEvent(container, c.get("caller"), blocking, now());
      const changed = await store.setContainerBlocked(c.get("orgIds"), container.id, blocking.blocked, event);
      if (changed === undefined) throw notFound("No such container in this organisation.");
      if (changed === "unchanged") {
        const state = blocking.blocked ? "blocked" : "not blocked";
        throw new ApiError("conflict", `The container is already ${state}.`, "blocked");
      }
      const answer: Container = changed.container;
      return c.json(answer);
    },
  );
}
