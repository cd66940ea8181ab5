import { afterAll, describe, expect, it } from "vitest";
import { containerListSchema, containerSchema, type Container } from "../../contract/container";
import type { Event } from "../../contract/event";
import { meSchema } from "../../contract/organisation";
import { openStream } from "./event-stream-client";
import { expectError, getPage, startTestServer } from "./server-fixture";

const server = await startTestServer();
afterAll(() => server.close());
const admin = server.tokens.acme.auth_token;
const support = server.tokens.support.auth_token;

const containers = containerListSchema.parse(
  (await server.get("/orgs/1/containers", { token: admin, query: { per_page: 1000 } })).json,
);
const globexContainer = containerListSchema.parse(
  (await server.get("/orgs/4/containers", { token: server.tokens.globex.auth_token })).json,
)[0];
const me = meSchema.parse((await server.get("/me", { token: admin })).json).user;

/** Each test changes containers of its own, so none depends on another's order. */
const unblocked = containers.filter((c) => !c.blocked);
function take(test: (c: Container) => boolean): Container {
  const index = unblocked.findIndex(test);
  const [found] = unblocked.splice(index, 1);
  if (index < 0 || !found) throw new Error("not enough unblocked containers in the demo world");
  return found;
}
const alreadyBlocked = containers.find((c) => c.blocked);

const containerPath = (c: Container, orgId = 1) =>
  `/orgs/${String(orgId)}/containers/${encodeURIComponent(c.id)}`;
const patch = (c: Container, body: unknown, token = admin, orgId = 1) =>
  server.request("PATCH", containerPath(c, orgId), { token, body });

/** The container's BLOCK events, newest first, and how many there are. */
async function blockEvents(c: Container): Promise<{ rows: Event[]; total: number }> {
  return getPage(server, admin, "/orgs/1/container_events/by_block", {
    q: `container:${c.id}`,
    sort: "-id",
    per_page: 5,
  });
}

async function expectBlocked(c: Container, blocked: boolean): Promise<void> {
  const reply = await server.get(containerPath(c), { token: admin });
  expect(containerSchema.parse(reply.json).blocked).toBe(blocked);
}

describe("PATCH /orgs/{org_id}/containers/{container_id}", () => {
  it("blocks with a reason: 200 with the container, and a BLOCK event by the caller in by_block and the container's events", async () => {
    const target = take((c) => c.organisation.id === 2);
    const before = await blockEvents(target);
    const reply = await patch(target, { blocked: true, reason: "Shared outside the company" });
    expect(reply.status, reply.text).toBe(200);
    expect(containerSchema.parse(reply.json)).toEqual({ ...target, blocked: true });
    await expectBlocked(target, true);

    const after = await blockEvents(target);
    expect(after.total).toBe(before.total + 1);
    const event = after.rows[0];
    expect(event).toMatchObject({
      event_type: { description: "BLOCK" },
      status: "SUCCESS",
      alert: false,
      event_source: { description: "API" },
      event_severity: { description: "Info" },
      user: { id: me.id, username: me.username, name: me.name },
      container: { id: target.id, name: target.name },
      organisation: { id: 2 },
      reason: null,
      client_ip: null,
    });
    expect(event?.description).toBe(
      `Blocked by ${me.name} (${me.username}). Reason: Shared outside the company`,
    );

    const own = await getPage(server, admin, `${containerPath(target)}/events`, { sort: "-id", per_page: 1 });
    expect(own.rows[0]).toEqual(event);
  });

  it("unblocks: 200 blocked false, and an event saying who unblocked it (no reason given)", async () => {
    const target = take(() => true);
    expect((await patch(target, { blocked: true })).status).toBe(200);
    const reply = await patch(target, { blocked: false });
    expect(reply.status, reply.text).toBe(200);
    expect(containerSchema.parse(reply.json).blocked).toBe(false);
    await expectBlocked(target, false);
    const [unblocking, blocking] = (await blockEvents(target)).rows;
    expect(unblocking?.description).toBe(`Unblocked by ${me.name} (${me.username}). No reason given.`);
    expect(blocking?.description).toBe(`Blocked by ${me.name} (${me.username}). No reason given.`);
    expect(unblocking?.user?.id).toBe(me.id);
  });

  it("answers 409 conflict for the state the container already has, storing nothing", async () => {
    if (!alreadyBlocked) throw new Error("the demo world has no blocked container");
    const open = take(() => true);
    for (const [c, blocked] of [
      [alreadyBlocked, true],
      [open, false],
    ] as const) {
      const before = await blockEvents(c);
      expectError(await patch(c, { blocked, reason: "again" }), 409);
      expect((await blockEvents(c)).total).toBe(before.total);
      await expectBlocked(c, blocked);
    }
  });

  it("of five concurrent requests to block, exactly one succeeds and one event is stored", async () => {
    const target = take(() => true);
    const before = await blockEvents(target);
    const replies = await Promise.all(
      Array.from({ length: 5 }, (_, i) => patch(target, { blocked: true, reason: `racer ${String(i)}` })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    for (const reply of replies.filter((r) => r.status === 409)) expectError(reply, 409);
    expect((await blockEvents(target)).total).toBe(before.total + 1);
    await expectBlocked(target, true);
  });

  it("sends the BLOCK event on a live stream of by_block", async () => {
    const target = take(() => true);
    const live = await openStream(server, 1, {
      token: admin,
      query: { view: "by_block", q: `container:${target.id}` },
    });
    try {
      expect(live.status, live.text).toBe(200);
      expect((await live.next())?.comment).toBe("keep-alive");
      expect((await patch(target, { blocked: true, reason: "live" })).status).toBe(200);
      const [received] = await live.events(1);
      expect(received?.event).toMatchObject({
        event_type: { description: "BLOCK" },
        container: { id: target.id },
        description: `Blocked by ${me.name} (${me.username}). Reason: live`,
      });
    } finally {
      live.abort();
    }
  });

  it("answers 403 to support staff, storing nothing", async () => {
    const target = take((c) => c.organisation.id === 2);
    const before = await blockEvents(target);
    expectError(await patch(target, { blocked: true }, support, 2), 403);
    expect((await blockEvents(target)).total).toBe(before.total);
    await expectBlocked(target, false);
  });

  it("answers 404 for a container outside the caller's reach or unknown, before the role's 403", async () => {
    if (!globexContainer) throw new Error("Globex has no container");
    expectError(await patch(globexContainer, { blocked: true }), 404);
    expectError(await patch(globexContainer, { blocked: true }, admin, 4), 404);
    const unknown = { ...globexContainer, id: "c-no-such" };
    expectError(await patch(unknown, { blocked: true }), 404);
    const ofRetail = containers.find((c) => c.organisation.id === 3);
    if (!ofRetail) throw new Error("Acme Retail has no container");
    expectError(await patch(ofRetail, { blocked: true }, support, 2), 404);
    expectError(await patch(ofRetail, { blocked: true }, support, 3), 404);
  });

  it.each([
    ["an unknown key", { blocked: true, colour: "red" }, "colour"],
    ["blocked missing", { reason: "why" }, "blocked"],
    ["a non-boolean blocked", { blocked: "true" }, "blocked"],
    ["a non-text reason", { blocked: true, reason: 5 }, "reason"],
    ["a reason over 500 characters", { blocked: true, reason: "x".repeat(501) }, "reason"],
    ["a reason with NUL", { blocked: true, reason: "a\0b" }, "reason"],
    ["a body that is not an object", [true], "body"],
  ])("answers 400 naming the field for %s, storing nothing", async (_, body, param) => {
    const target = containers.find((c) => !c.blocked && c.organisation.id === 3);
    if (!target) throw new Error("Acme Retail has no unblocked container");
    const before = await blockEvents(target);
    expectError(await patch(target, body), 400, param);
    expect((await blockEvents(target)).total).toBe(before.total);
  });

  it("takes a reason of exactly 500 characters", async () => {
    const target = take(() => true);
    const reason = "r".repeat(500);
    expect((await patch(target, { blocked: true, reason })).status).toBe(200);
    expect((await blockEvents(target)).rows[0]?.description).toContain(reason);
  });
});
