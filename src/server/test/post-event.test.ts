import { afterAll, describe, expect, it } from "vitest";
import { containerListSchema, createdEventSchema, type Container } from "../../contract/container";
import type { Event } from "../../contract/event";
import { meSchema } from "../../contract/organisation";
import {
  expectConnectionsUsable,
  expectError,
  getPage,
  listAll,
  startTestServer,
  testNowMs,
} from "./server-fixture";

const server = await startTestServer();
afterAll(() => server.close());
const token = server.tokens.acme.auth_token;

const containers = containerListSchema.parse(
  (await server.get("/orgs/1/containers", { token, query: { per_page: 1000 } })).json,
);
const globexContainers = containerListSchema.parse(
  (await server.get("/orgs/4/containers", { token: server.tokens.globex.auth_token })).json,
);
const acmeAdmin = meSchema.parse((await server.get("/me", { token })).json).user;

function pick(what: string, test: (c: Container) => boolean): Container {
  const found = containers.find(test);
  if (!found) throw new Error(`no container ${what}`);
  return found;
}
const open = pick("open in org 1", (c) => c.organisation.id === 1 && !c.blocked && c.expires_at === null);
const ofLogistics = pick("in org 2", (c) => c.organisation.id === 2);
const blocked = pick("blocked", (c) => c.blocked);
const expired = pick("expired", (c) => c.expires_at !== null && Date.parse(c.expires_at) < testNowMs);
const eventsPath = (orgId: number, c: Container | string) =>
  `/orgs/${orgId}/containers/${encodeURIComponent(typeof c === "string" ? c : c.id)}/events`;

const isoNow = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString().replace(/\.\d{3}Z$/, "Z");
const valid = () => ({ event_type: "ACCESS", timestamp: isoNow(-60_000), status: "SUCCESS" });

async function post(body: unknown, c: Container = open, orgId = 1, authToken = token) {
  return server.request("POST", eventsPath(orgId, c), { token: authToken, body });
}

async function created(body: unknown, c: Container = open, orgId = 1): Promise<number> {
  const reply = await post(body, c, orgId);
  expect(reply.status, reply.text).toBe(201);
  const answer = createdEventSchema.parse(reply.json);
  expect(answer.message).toBe("Event logged successfully");
  return answer.id;
}

async function findEvent(id: number, path: string): Promise<Event | undefined> {
  const { rows } = await getPage(server, token, path, { sort: "-id", per_page: 5 });
  return rows.find((e) => e.id === id);
}

describe("POST a container event", () => {
  it("answers 201 and the event shows at once in every list that holds it", async () => {
    const timestamp = isoNow(60_000);
    const id = await created({
      event_type: "ACCESS",
      timestamp,
      status: "FAILURE",
      description: "door forced",
    });
    for (const path of [
      "/orgs/1/events",
      "/organisation/1/event",
      "/organisation/my/event",
      eventsPath(1, open),
      "/orgs/1/container_events/by_access",
      "/orgs/1/container_events/by_fail",
    ]) {
      const event = await findEvent(id, path);
      expect(event, path).toBeDefined();
    }
    const first = (await getPage(server, token, "/orgs/1/events", { per_page: 1, q: `container:${open.id}` }))
      .rows[0];
    expect(first?.id).toBe(id);
    const event = await findEvent(id, eventsPath(1, open));
    expect(event).toMatchObject({
      alert: false,
      description: "door forced",
      status: "FAILURE",
      event_type: { id: 100, description: "ACCESS" },
      event_source: { id: 2, description: "API" },
      event_severity: { id: 1, description: "Warn" },
      organisation: { id: 1, name: "Acme Group" },
      user: { id: acmeAdmin.id, username: acmeAdmin.username, name: acmeAdmin.name },
      container: { id: open.id, name: open.name },
    });
    expect(Date.parse(event?.timestamp ?? "")).toBe(Date.parse(timestamp));
    expect(await findEvent(id, "/orgs/1/container_events/by_block")).toBeUndefined();
  });

  it("SUCCESS is Info; every type lands in its view", async () => {
    for (const [type, typeId, view] of [
      ["ACCESS", 100, "by_access"],
      ["BLOCK", 101, "by_block"],
      ["CREATE", 102, "by_create"],
      ["EXPIRE", 103, "by_expire"],
    ] as const) {
      const id = await created({ event_type: type, timestamp: isoNow(-1000), status: "SUCCESS" });
      const event = await findEvent(id, `/orgs/1/container_events/${view}`);
      expect(event?.event_type).toEqual({ id: typeId, description: type });
      expect(event?.event_severity).toEqual({ id: 0, description: "Info" });
      expect(await findEvent(id, "/orgs/1/container_events/by_fail")).toBeUndefined();
    }
  });

  it("stores a failure's reason and client_ip (IPv6 in lower case); without them both are null", async () => {
    const failed = await created({
      ...valid(),
      status: "FAILURE",
      reason: "wrong_password",
      client_ip: "2001:DB8:0:1::7",
    });
    const event = await findEvent(failed, eventsPath(1, open));
    expect(event).toMatchObject({ reason: "wrong_password", client_ip: "2001:db8:0:1::7" });
    const found = await getPage(server, token, "/orgs/1/events", {
      q: "reason:wrong_password,client_ip:2001:db8:0:1::7",
    });
    expect(found.rows.map((e) => e.id)).toEqual([failed]);
    const wrapped = await created({ event: { ...valid(), client_ip: "192.0.2.9", reason: null } });
    expect(await findEvent(wrapped, eventsPath(1, open))).toMatchObject({
      reason: null,
      client_ip: "192.0.2.9",
    });
    const bare = await created(valid());
    expect(await findEvent(bare, eventsPath(1, open))).toMatchObject({ reason: null, client_ip: null });
  });

  it("accepts the event wrapped as {event: {...}}", async () => {
    const id = await created({ event: { ...valid(), description: "wrapped" } });
    expect((await findEvent(id, eventsPath(1, open)))?.description).toBe("wrapped");
  });

  it("makes a description from type, status and container when none is given", async () => {
    const id = await created({ event_type: "BLOCK", timestamp: isoNow(-1000), status: "FAILURE" });
    const description = (await findEvent(id, eventsPath(1, open)))?.description ?? "";
    expect(description.length).toBeGreaterThan(0);
    expect(description.toLowerCase()).toContain("block");
    expect(description.includes(open.id) || description.includes(open.name)).toBe(true);
  });

  it("a child's container is writable under the parent and the event belongs to the child", async () => {
    const id = await created(valid(), ofLogistics, 1);
    const event = await findEvent(id, eventsPath(2, ofLogistics));
    expect(event?.organisation).toEqual({ id: 2, name: "Acme Logistics" });
    expect(await findEvent(id, "/orgs/2/events")).toBeDefined();
    expect(await findEvent(id, "/orgs/3/events")).toBeUndefined();
  });

  it("blocked and expired containers accept events", async () => {
    await created(valid(), blocked, blocked.organisation.id);
    await created(valid(), expired, expired.organisation.id);
  });

  it("a timestamp up to five minutes ahead is accepted; old ones too", async () => {
    await created({ ...valid(), timestamp: isoNow(4 * 60_000) });
    await created({ ...valid(), timestamp: "2020-01-01T00:00:00Z" });
    await created({ ...valid(), timestamp: "2026-01-01T00:00:00.123Z" });
  });

  it("adds exactly one row", async () => {
    const before = (await getPage(server, token, eventsPath(1, open))).total;
    await created(valid());
    expect((await getPage(server, token, eventsPath(1, open))).total).toBe(before + 1);
  });
});

describe("bad bodies answer 400 naming the field", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["unknown event_type", { event_type: "OPEN" }, "event_type"],
    ["lower-case event_type", { event_type: "access" }, "event_type"],
    ["numeric event_type", { event_type: 100 }, "event_type"],
    ["missing event_type", { event_type: undefined }, "event_type"],
    ["unknown status", { status: "OK" }, "status"],
    ["null status", { status: null }, "status"],
    ["missing status", { status: undefined }, "status"],
    ["timestamp not a date", { timestamp: "yesterday" }, "timestamp"],
    ["timestamp without zone", { timestamp: "2026-01-01T00:00:00" }, "timestamp"],
    ["timestamp as a number", { timestamp: 1_700_000_000_000 }, "timestamp"],
    ["timestamp impossible date", { timestamp: "2026-02-30T00:00:00Z" }, "timestamp"],
    ["timestamp ten minutes ahead", { timestamp: isoNow(10 * 60_000) }, "timestamp"],
    ["timestamp next year", { timestamp: isoNow(365 * 24 * 3600_000) }, "timestamp"],
    ["missing timestamp", { timestamp: undefined }, "timestamp"],
    ["description a number", { description: 5 }, "description"],
    ["description too long", { description: "x".repeat(2001) }, "description"],
    ["reason in capitals", { reason: "WRONG_PASSWORD" }, "reason"],
    ["reason with a hyphen", { reason: "wrong-password" }, "reason"],
    ["reason empty", { reason: "" }, "reason"],
    ["reason of 65 characters", { reason: "x".repeat(65) }, "reason"],
    ["reason a number", { reason: 7 }, "reason"],
    ["client_ip out of range", { client_ip: "10.0.0.256" }, "client_ip"],
    ["client_ip a host name", { client_ip: "example.com" }, "client_ip"],
    ["client_ip with a port", { client_ip: "192.0.2.1:443" }, "client_ip"],
    ["client_ip a number", { client_ip: 3232235777 }, "client_ip"],
    ["unknown key", { colour: "red" }, "colour"],
    ["id is not writable", { id: 5 }, "id"],
    ["alert is not writable", { alert: true }, "alert"],
  ];
  it.each(cases)("%s", async (_, change, param) => {
    const body = { ...valid(), ...change };
    expectError(await post(body), 400, param);
  });

  it("the same in the wrapped form", async () => {
    for (const [change, param] of [
      [{ status: "OK" }, "status"],
      [{ colour: "red" }, "colour"],
      [{ reason: "Nope" }, "reason"],
    ] as const) {
      const body = expectError(await post({ event: { ...valid(), ...change } }), 400);
      expect(body.param).toMatch(new RegExp(`(^|\\.)${param}$`));
    }
    expectError(await post({ event: valid(), extra: 1 }), 400, "extra");
  });

  it("bodies that are not an event object", async () => {
    for (const rawBody of ["", "{", "null", "[]", '"ACCESS"', "42", '{"event": null}', '{"event": []}']) {
      const reply = await server.request("POST", eventsPath(1, open), { token, rawBody });
      expectError(reply, 400);
    }
  });

  it("nothing was stored by the failures above", async () => {
    const { rows } = await listAll(server, token, eventsPath(1, open));
    expect(rows.some((e) => e.description === "x".repeat(2001))).toBe(false);
    expect(rows.every((e) => Date.parse(e.timestamp) <= Date.now() + 5 * 60_000)).toBe(true);
  });
});

describe("who may write where", () => {
  it("support answers 403 even on its own organisation's container", async () => {
    const reply = await post(valid(), ofLogistics, 2, server.tokens.support.auth_token);
    expectError(reply, 403);
  });

  it("unknown containers and other tenants' containers answer 404", async () => {
    expectError(await post(valid(), { ...open, id: "no-such-container" }), 404);
    const foreign = globexContainers[0] as Container;
    expectError(await post(valid(), foreign, 1), 404);
    expectError(await post(valid(), foreign, 4), 404);
    expectError(await post(valid(), open, 4, server.tokens.globex.auth_token), 404);
    expectError(await post(valid(), open, 1, server.tokens.globex.auth_token), 404);
    const ofRetail = pick("in org 3", (c) => c.organisation.id === 3);
    expectError(await post(valid(), ofRetail, 2), 404);
  });

  it("Globex's admin writes to Globex", async () => {
    const foreign = globexContainers[0] as Container;
    const reply = await post(valid(), foreign, 4, server.tokens.globex.auth_token);
    expect(reply.status, reply.text).toBe(201);
  });

  it("a huge body answers 413", async () => {
    const reply = await post({ ...valid(), description: "x".repeat(3 * 1024 * 1024) });
    expectError(reply, 413);
    await expectConnectionsUsable(server);
  });
});
