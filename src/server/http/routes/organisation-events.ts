import { Hono } from "hono";
import { orgReach } from "../../auth/org-reach";
import type { EventStore } from "../../store/event-store";
import type { AppEnv } from "../app-env";
import type { EventListAnswers } from "../event-list";
import { parseOrgId } from "../path-scope";

/**
 * Seed 2's `/organisation/{org_id|my}/event`. As that seed documents, an organisation that does not exist or
 * is out of reach answers `200 []` (x-total-count 0) once the id and the parameters are valid.
 */
export function organisationEventRoutes(store: EventStore, answerEventList: EventListAnswers) {
  return new Hono<AppEnv>().get("/organisation/:org_id/event", async (c) => {
    const caller = c.get("caller");
    const raw = c.req.param("org_id");
    const orgId = raw === "my" ? caller.organisationId : parseOrgId(raw);
    const organisations = await store.organisations();
    const visible = orgReach(organisations, caller.organisationId).some((org) => org.id === orgId);
    const reach = visible ? orgReach(organisations, orgId) : [];
    return answerEventList(c, {
      scope: visible ? { orgIds: reach.map((org) => org.id) } : undefined,
      orgLabel: reach[0]?.name ?? raw,
      view: "events",
    });
  });
}
