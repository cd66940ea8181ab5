import { Hono } from "hono";
import type { Me } from "../../../contract/organisation";
import { orgReach } from "../../auth/org-reach";
import type { EventStore } from "../../store/event-store";
import { ApiError } from "../api-error";
import type { AppEnv } from "../app-env";
import { jsonType, negotiate } from "../negotiate";

/** The caller and every organisation it may read. */
export function meRoutes(store: EventStore) {
  return new Hono<AppEnv>().get("/me", async (c) => {
    negotiate(c.req.header("Accept"), [jsonType]);
    const user = c.get("caller");
    const organisations = orgReach(await store.organisations(), user.organisationId);
    const own = organisations[0];
    if (!own) throw new ApiError("internal", `User ${user.id} belongs to no organisation.`);
    const me: Me = {
      user: { id: user.id, username: user.username, name: user.name, role: user.role },
      organisation: { id: own.id, name: own.name },
      // The root's parent is out of reach: saying which it is would name another tenant.
      organisations: organisations.map((org, index) => (index === 0 ? { ...org, parent_id: null } : org)),
    };
    return c.json(me);
  });
}
