import { createMiddleware } from "hono/factory";
import { orgReach } from "../auth/org-reach";
import type { EventStore } from "../store/event-store";
import { badRequest, notFound } from "./api-error";
import type { AppEnv } from "./app-env";

export const maxContainerIdLength = 128;

/**
 * A path's organisation id: digits only, else 400. A number too big to be an id is well-formed but names no
 * organisation, so it reads as NaN, which matches none.
 */
export function parseOrgId(raw: string): number {
  if (!/^[0-9]+$/.test(raw))
    throw badRequest(`The organisation id "${clip(raw)}" must be a number.`, "org_id");
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : NaN;
}

/** A path's event id: digits only, else 400; undefined when too big to be any event's id. */
export function parseEventId(raw: string): number | undefined {
  if (!/^[0-9]+$/.test(raw)) throw badRequest(`The event id "${clip(raw)}" must be a number.`, "event_id");
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : undefined;
}

export function parseContainerId(raw: string): string {
  if (raw.length > maxContainerIdLength) {
    throw badRequest(`A container id has at most ${maxContainerIdLength} characters.`, "container_id");
  }
  return raw;
}

/**
 * Resolves `org_id` (and `container_id` when the route has one) against the caller's reach: first 400 for a
 * malformed segment (`event_id` too, which the route reads), then one 404 whether the organisation or
 * container is missing or out of reach.
 */
export const pathScope = (store: EventStore) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const orgId = parseOrgId(c.req.param("org_id") ?? "");
    const rawContainerId = c.req.param("container_id");
    const containerId = rawContainerId === undefined ? undefined : parseContainerId(rawContainerId);
    const rawEventId = c.req.param("event_id");
    if (rawEventId !== undefined) parseEventId(rawEventId);
    const organisations = await store.organisations();
    const visible = orgReach(organisations, c.get("caller").organisationId);
    const org = visible.find((candidate) => candidate.id === orgId);
    if (!org) throw notFound("No such organisation, or it is not yours to read.");
    const orgIds = orgReach(organisations, orgId).map((member) => member.id);
    c.set("org", org);
    c.set("orgIds", orgIds);
    if (containerId !== undefined) {
      const container = await store.findContainer(orgIds, containerId);
      if (!container) throw notFound("No such container in this organisation.");
      c.set("container", container);
    }
    await next();
  });

/** Echoes user input in a message without letting it run on. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
