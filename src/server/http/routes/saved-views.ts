import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import type { SavedView } from "../../../contract/saved-view";
import { newSavedViewSchema, savedViewPatchSchema } from "../../../contract/saved-view";
import { orgReach } from "../../auth/org-reach";
import type { EventStore } from "../../store/event-store";
import { nameTaken, type SavedViewStore } from "../../store/saved-view-store";
import type { UserRecord } from "../../store/account-store";
import { ApiError, notFound } from "../api-error";
import type { AppEnv } from "../app-env";
import { jsonType, negotiate } from "../negotiate";
import { limitBody, parseBody, readJson } from "../request-body";
import { viewPathOrganisation } from "../saved-view-path";

/** Ids are random UUIDs: they say nothing of how many views there are, and any other text names none. */
const viewIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const noSuchView = "No such saved view, or it is not yours to read.";

const nameConflict = (name: string) =>
  new ApiError("conflict", `You already have a saved view named "${name}".`, "name");

/** Named dashboard URLs: the caller's own and the shared ones of its reach; only the owner changes one. */
export function savedViewRoutes(events: EventStore, views: SavedViewStore, now: () => number) {
  const reachIds = async (caller: UserRecord) =>
    orgReach(await events.organisations(), caller.organisationId).map((org) => org.id);

  /** The view if the caller may read it: its own, or shared with an organisation of its reach. */
  const readable = async (caller: UserRecord, rawId: string): Promise<SavedView> => {
    const view = viewIdPattern.test(rawId) ? await views.findSavedView(rawId) : undefined;
    if (
      view &&
      (view.owner.id === caller.id ||
        (view.shared && (await reachIds(caller)).includes(view.organisation.id)))
    )
      return view;
    throw notFound(noSuchView);
  };
  const owned = async (caller: UserRecord, rawId: string): Promise<SavedView> => {
    const view = await readable(caller, rawId);
    if (view.owner.id !== caller.id) {
      throw new ApiError("forbidden", "Only the user who saved this view may change or delete it.");
    }
    return view;
  };

  return new Hono<AppEnv>()
    .get("/views", async (c) => {
      negotiate(c.req.header("Accept"), [jsonType]);
      const caller = c.get("caller");
      return c.json(await views.listSavedViews(caller.id, await reachIds(caller)));
    })
    .post("/views", limitBody, async (c) => {
      negotiate(c.req.header("Accept"), [jsonType]);
      const caller = c.get("caller");
      const body = parseBody(newSavedViewSchema, await readJson(c));
      const org = await viewPathOrganisation(events, caller.organisationId, body.path);
      const created = await views.createSavedView({
        id: randomUUID(),
        ownerId: caller.id,
        organisationId: org.id,
        ...body,
        nowMs: now(),
      });
      if (created === nameTaken) throw nameConflict(body.name);
      return c.json(created, 201, { Location: `${new URL(c.req.url).pathname}/${created.id}` });
    })
    .get("/views/:id", async (c) => {
      negotiate(c.req.header("Accept"), [jsonType]);
      return c.json(await readable(c.get("caller"), c.req.param("id")));
    })
    .patch("/views/:id", limitBody, async (c) => {
      negotiate(c.req.header("Accept"), [jsonType]);
      const caller = c.get("caller");
      const view = await owned(caller, c.req.param("id"));
      const changes = parseBody(savedViewPatchSchema, await readJson(c));
      if (Object.keys(changes).length === 0) return c.json(view);
      const updated = await views.updateSavedView(view.id, changes, now());
      if (updated === nameTaken) throw nameConflict(changes.name ?? view.name);
      if (!updated) throw notFound(noSuchView);
      return c.json(updated);
    })
    .delete("/views/:id", async (c) => {
      const view = await owned(c.get("caller"), c.req.param("id"));
      await views.deleteSavedView(view.id);
      return c.body(null, 204);
    });
}
