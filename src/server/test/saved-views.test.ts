import { afterAll, describe, expect, it } from "vitest";
import { containerListSchema } from "../../contract/container";
import { savedViewListSchema, savedViewSchema, type SavedView } from "../../contract/saved-view";
import { expectError, startTestServer, testNowMs } from "./server-fixture";

let nowMs = testNowMs;
const server = await startTestServer({ now: () => nowMs });
afterAll(() => server.close());
const admin = server.tokens.acme.auth_token;
const support = server.tokens.support.auth_token;
const globex = server.tokens.globex.auth_token;

const containersOf = async (orgId: number) =>
  containerListSchema.parse((await server.get(`/orgs/${orgId}/containers`, { token: admin })).json);
const org2Container = (await containersOf(2))[0];
const org3Container = (await containersOf(3))[0];
if (!org2Container || !org3Container) throw new Error("the demo world has no containers in orgs 2 and 3");

let names = 0;
/** A name no other test uses, so the tests share one server without clashing. */
const uniqueName = (label: string) => `${label} ${String(++names)}`;

async function create(token: string, body: Record<string, unknown>): Promise<SavedView> {
  const reply = await server.request("POST", "/views", { token, body });
  expect(reply.status, reply.text).toBe(201);
  const view = savedViewSchema.parse(reply.json);
  expect(reply.headers.get("location")).toBe(`/api/v1/views/${view.id}`);
  return view;
}

async function list(token: string): Promise<SavedView[]> {
  const reply = await server.get("/views", { token });
  expect(reply.status, reply.text).toBe(200);
  return savedViewListSchema.parse(reply.json);
}

const idsOf = (views: readonly SavedView[]) => views.map((view) => view.id);

describe("saved views", () => {
  it("creates, reads, lists, changes and deletes a view, with its organisation, owner and times", async () => {
    const created = await create(admin, {
      name: "  Logistics failures  ",
      path: "/orgs/2/failures",
      query: "q=status%3AFAILURE&sort=-timestamp",
    });
    expect(created).toEqual({
      id: created.id,
      name: "Logistics failures",
      path: "/orgs/2/failures",
      query: "q=status%3AFAILURE&sort=-timestamp",
      organisation: { id: 2, name: "Acme Logistics" },
      shared: false,
      owner: { id: created.owner.id, username: "admin@acme.test", name: created.owner.name },
      created_at: "2026-11-18T12:30:00Z",
      updated_at: "2026-11-18T12:30:00Z",
    });
    expect((await server.get(`/views/${created.id}`, { token: admin })).json).toEqual(created);
    expect(await list(admin)).toContainEqual(created);

    nowMs += 60_000;
    const patched = await server.request("PATCH", `/views/${created.id}`, {
      token: admin,
      body: { name: " Renamed ", query: "sort=timestamp", shared: true },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json).toEqual({
      ...created,
      name: "Renamed",
      query: "sort=timestamp",
      shared: true,
      updated_at: "2026-11-18T12:31:00Z",
    });

    const unchanged = await server.request("PATCH", `/views/${created.id}`, { token: admin, body: {} });
    expect(unchanged.json).toEqual(patched.json);

    const deleted = await server.request("DELETE", `/views/${created.id}`, { token: admin });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expectError(await server.get(`/views/${created.id}`, { token: admin }), 404);
    expect(idsOf(await list(admin))).not.toContain(created.id);
    expectError(await server.request("DELETE", `/views/${created.id}`, { token: admin }), 404);
  });

  it("query and shared are optional; every dashboard path of the reach is accepted", async () => {
    const container = encodeURIComponent(org2Container.id);
    for (const path of ["/orgs/1/events", "/orgs/3/containers", `/orgs/1/containers/${container}`]) {
      const view = await create(admin, { name: uniqueName("page"), path });
      expect(view).toMatchObject({ path, query: "", shared: false });
    }
    const nested = await create(support, {
      name: uniqueName("mine"),
      path: `/orgs/2/containers/${container}`,
    });
    expect(nested.organisation).toEqual({ id: 2, name: "Acme Logistics" });
  });

  it("a name is unique per owner (409 conflict naming name, after trimming), not across owners", async () => {
    const name = uniqueName("Daily check");
    await create(admin, { name, path: "/orgs/1/events" });
    expectError(
      await server.request("POST", "/views", {
        token: admin,
        body: { name: `  ${name} `, path: "/orgs/2/events" },
      }),
      409,
      "name",
    );
    await create(support, { name, path: "/orgs/2/events" });

    const other = await create(admin, { name: uniqueName("Other"), path: "/orgs/1/events" });
    const renamed = await server.request("PATCH", `/views/${other.id}`, { token: admin, body: { name } });
    expect(expectError(renamed, 409, "name").error).toBe("conflict");
    expect((await server.get(`/views/${other.id}`, { token: admin })).json).toEqual(other);
  });

  it("name is 1–100 characters after trimming, query at most 2,000 without a leading ?", async () => {
    const post = (body: Record<string, unknown>) => server.request("POST", "/views", { token: admin, body });
    const path = "/orgs/1/events";
    expectError(await post({ name: "   ", path }), 400, "name");
    expectError(await post({ name: "x".repeat(101), path }), 400, "name");
    expectError(await post({ path }), 400, "name");
    expectError(await post({ name: 7, path }), 400, "name");
    expect((await create(admin, { name: ` ${"y".repeat(100)} `, path })).name).toBe("y".repeat(100));

    expectError(await post({ name: uniqueName("q"), path, query: "?q=type%3AALERT" }), 400, "query");
    expectError(await post({ name: uniqueName("q"), path, query: "q".repeat(2001) }), 400, "query");
    expectError(await post({ name: uniqueName("q"), path, query: "a\0b" }), 400, "query");
    const longest = await create(admin, { name: uniqueName("q"), path, query: "q".repeat(2000) });
    expect(longest.query).toHaveLength(2000);

    expectError(await post({ name: uniqueName("s"), path, shared: "yes" }), 400, "shared");
  });

  it("unknown keys answer 400 naming them, on create and on change (path included)", async () => {
    const base = { name: uniqueName("keys"), path: "/orgs/1/events" };
    expectError(
      await server.request("POST", "/views", { token: admin, body: { ...base, owner: 3 } }),
      400,
      "owner",
    );
    const view = await create(admin, base);
    const patch = (body: Record<string, unknown>) =>
      server.request("PATCH", `/views/${view.id}`, { token: admin, body });
    expectError(await patch({ path: "/orgs/2/events" }), 400, "path");
    expectError(await patch({ name: "fine", organisation: 2 }), 400, "organisation");
    expectError(await patch({ name: "" }), 400, "name");
    expectError(
      await server.request("PATCH", `/views/${view.id}`, { token: admin, rawBody: "[1" }),
      400,
      "body",
    );
    expectError(
      await server.request("POST", "/views", {
        token: admin,
        rawBody: JSON.stringify(base),
        headers: { "content-type": "text/plain" },
      }),
      415,
    );
  });

  it("a path that is not a dashboard page answers 400 naming path", async () => {
    for (const path of [
      "/orgs/2/failures?q=x",
      "/orgs/2",
      "/orgs/two/events",
      "orgs/2/events",
      "/orgs/2/events/",
      "/orgs/2/containers/c-1/events",
      "https://example.test/orgs/2/events",
      "/login",
      "/orgs/2/containers/%E0%A4%A",
    ]) {
      const reply = await server.request("POST", "/views", {
        token: admin,
        body: { name: uniqueName("p"), path },
      });
      expectError(reply, 400, "path");
    }
  });

  it("an organisation or container outside the reach (or that does not exist) is a 400 naming path, one answer for both", async () => {
    const post = (token: string, path: string) =>
      server.request("POST", "/views", { token, body: { name: uniqueName("reach"), path } });
    const foreign = await post(globex, "/orgs/2/failures");
    const missing = await post(globex, "/orgs/99/failures");
    expect(expectError(foreign, 400, "path").message).toBe(expectError(missing, 400, "path").message);
    expect(foreign.text).not.toContain("Acme");
    expectError(await post(support, "/orgs/1/events"), 400, "path");
    expectError(
      await post(support, `/orgs/2/containers/${encodeURIComponent(org3Container.id)}`),
      400,
      "path",
    );
    expectError(await post(support, "/orgs/2/containers/no-such-container"), 400, "path");
  });

  it("support users save views too", async () => {
    const view = await create(support, {
      name: uniqueName("support's"),
      path: "/orgs/2/events",
      shared: true,
    });
    expect(view.owner.username).toBe("support@acme.test");
    const renamed = await server.request("PATCH", `/views/${view.id}`, {
      token: support,
      body: { shared: false },
    });
    expect(renamed.status).toBe(200);
    expect(await server.request("DELETE", `/views/${view.id}`, { token: support })).toHaveProperty(
      "status",
      204,
    );
  });

  it("a shared view is seen by every user whose reach includes its organisation; a private one only by its owner", async () => {
    const privateView = await create(admin, { name: uniqueName("private"), path: "/orgs/2/failures" });
    const sharedView = await create(admin, {
      name: uniqueName("shared"),
      path: "/orgs/2/failures",
      shared: true,
    });
    const sharedAbove = await create(admin, {
      name: uniqueName("group"),
      path: "/orgs/1/events",
      shared: true,
    });
    const supportShared = await create(support, {
      name: uniqueName("from support"),
      path: "/orgs/2/events",
      shared: true,
    });

    const supportSees = idsOf(await list(support));
    expect(supportSees).toContain(sharedView.id);
    expect(supportSees).not.toContain(privateView.id);
    // Org 1 is the parent of support's org 2: out of its reach.
    expect(supportSees).not.toContain(sharedAbove.id);
    expect((await server.get(`/views/${sharedView.id}`, { token: support })).json).toEqual(sharedView);
    expectError(await server.get(`/views/${privateView.id}`, { token: support }), 404);
    expectError(await server.get(`/views/${sharedAbove.id}`, { token: support }), 404);

    expect(idsOf(await list(admin))).toContain(supportShared.id);

    // Unsharing takes it out of other users' lists at once.
    await server.request("PATCH", `/views/${sharedView.id}`, { token: admin, body: { shared: false } });
    expect(idsOf(await list(support))).not.toContain(sharedView.id);
    expectError(await server.get(`/views/${sharedView.id}`, { token: support }), 404);
  });

  it("lists the caller's own views first, then other users' shared ones, each by name", async () => {
    await create(support, { name: uniqueName("zz own"), path: "/orgs/2/events" });
    await create(support, { name: uniqueName("AA own"), path: "/orgs/2/events" });
    await create(admin, { name: uniqueName("aa theirs"), path: "/orgs/2/events", shared: true });
    await create(admin, { name: uniqueName("ZZ theirs"), path: "/orgs/2/events", shared: true });
    const mine = await list(support);
    const firstShared = mine.findIndex((view) => view.owner.username !== "support@acme.test");
    const own = firstShared === -1 ? mine : mine.slice(0, firstShared);
    const others = firstShared === -1 ? [] : mine.slice(firstShared);
    expect(own.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((view) => view.shared && view.owner.username !== "support@acme.test")).toBe(true);
    const byName = (views: SavedView[]) => views.map((view) => view.name);
    const sorted = (views: SavedView[]) => [...byName(views)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(byName(own)).toEqual(sorted(own));
    expect(byName(others)).toEqual(sorted(others));
  });

  it("only the owner changes or deletes: 403 for a user who can see the view, 404 for one who cannot", async () => {
    const shared = await create(admin, { name: uniqueName("look"), path: "/orgs/2/events", shared: true });
    const body = { body: { name: "mine now" } };
    expect(
      expectError(await server.request("PATCH", `/views/${shared.id}`, { token: support, ...body }), 403)
        .error,
    ).toBe("forbidden");
    expectError(await server.request("DELETE", `/views/${shared.id}`, { token: support }), 403);
    // A non-owner who can see it learns nothing of the body's faults: 403 comes first.
    expectError(
      await server.request("PATCH", `/views/${shared.id}`, { token: support, body: { nope: 1 } }),
      403,
    );
    expectError(await server.request("PATCH", `/views/${shared.id}`, { token: globex, ...body }), 404);
    expectError(await server.request("DELETE", `/views/${shared.id}`, { token: globex }), 404);
    expect((await server.get(`/views/${shared.id}`, { token: admin })).json).toEqual(shared);
  });

  it("another tenant never sees the views, shared or not, nor their names", async () => {
    const name = uniqueName("Acme only");
    const shared = await create(admin, { name, path: "/orgs/1/events", shared: true });
    const globexList = await list(globex);
    expect(idsOf(globexList)).not.toContain(shared.id);
    expect(globexList.every((view) => view.organisation.id === 4)).toBe(true);
    const reply = await server.get(`/views/${shared.id}`, { token: globex });
    expectError(reply, 404);
    expect(reply.text).not.toContain(name);

    const theirs = await create(globex, { name, path: "/orgs/4/failures", shared: true });
    expect(idsOf(await list(admin))).not.toContain(theirs.id);
    expectError(await server.get(`/views/${theirs.id}`, { token: admin }), 404);
  });

  it("an id that names no view is a 404, whatever its shape; every route needs a token", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "1", "x".repeat(300), "%00"]) {
      expectError(await server.get(`/views/${id}`, { token: admin }), 404);
    }
    expectError(await server.get("/views"), 401);
    expectError(await server.request("POST", "/views", { body: { name: "n", path: "/orgs/1/events" } }), 401);
  });
});
