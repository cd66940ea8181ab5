import { afterAll, describe, expect, it } from "vitest";
import { containerListSchema, createdEventsSchema, type Container } from "../../contract/container";
import { expectError, getPage, listAll, startTestServer } from "./server-fixture";

const server = await startTestServer({ seedEvents: 200 });
afterAll(() => server.close());
const token = server.tokens.acme.auth_token;
const batchPath = (orgId: number) => `/orgs/${String(orgId)}/container_events`;

const acmeContainers = containerListSchema.parse(
  (await server.get("/orgs/1/containers", { token, query: { per_page: 1000 } })).json,
);
const globexContainers = containerListSchema.parse(
  (await server.get("/orgs/4/containers", { token: server.tokens.globex.auth_token })).json,
);
function pick(containers: Container[], test: (c: Container) => boolean): Container {
  const found = containers.find(test);
  if (!found) throw new Error("no such container in the demo world");
  return found;
}
const ofGroup = pick(acmeContainers, (c) => c.organisation.id === 1);
const ofLogistics = pick(acmeContainers, (c) => c.organisation.id === 2);
const ofGlobex = pick(globexContainers, () => true);

const isoAgo = (ms: number) => new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const item = (container: Container, change: Record<string, unknown> = {}) => ({
  container_id: container.id,
  event_type: "ACCESS",
  timestamp: isoAgo(60_000),
  status: "SUCCESS",
  ...change,
});

const post = (body: unknown, orgId = 1, authToken = token) =>
  server.request("POST", batchPath(orgId), { token: authToken, body });
const totalOf = async (path: string) => (await getPage(server, token, path, { per_page: 1 })).total;
const acmeTotal = () => totalOf("/orgs/1/events");

describe("POST /orgs/{org_id}/container_events", () => {
  it("stores every event, answers their ids in the order given, and each reads back as sent", async () => {
    const before = await acmeTotal();
    const sent = [
      item(ofGroup, {
        status: "FAILURE",
        description: "batch one",
        reason: "link_expired",
        client_ip: "2001:DB8::42",
      }),
      item(ofLogistics, { event_type: "BLOCK", description: "batch two" }),
      item(ofGroup, { event_type: "EXPIRE", timestamp: "2026-01-02T03:04:05Z" }),
    ];
    const reply = await post({ events: sent });
    expect(reply.status, reply.text).toBe(201);
    const { message, ids } = createdEventsSchema.parse(reply.json);
    expect(message).toBe("Events logged successfully");
    expect(ids).toHaveLength(3);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(await acmeTotal()).toBe(before + 3);

    const { rows } = await listAll(server, token, "/orgs/1/events", { sort: "-id", per_page: 10 });
    const byId = new Map(rows.map((event) => [event.id, event]));
    expect(byId.get(ids[0] ?? 0)).toMatchObject({
      description: "batch one",
      status: "FAILURE",
      event_severity: { description: "Warn" },
      event_source: { description: "API" },
      container: { id: ofGroup.id },
      organisation: { id: 1 },
      reason: "link_expired",
      client_ip: "2001:db8::42",
    });
    expect(byId.get(ids[1] ?? 0)).toMatchObject({
      description: "batch two",
      event_type: { description: "BLOCK" },
      event_severity: { description: "Info" },
      container: { id: ofLogistics.id },
      organisation: { id: 2 },
      reason: null,
      client_ip: null,
    });
    const third = byId.get(ids[2] ?? 0);
    expect(third?.timestamp).toBe("2026-01-02T03:04:05Z");
    expect(third?.description).toContain(ofGroup.id);
  });

  it("takes a full batch of 1,000", async () => {
    const before = await acmeTotal();
    const events = Array.from({ length: 1000 }, (_, index) => item(index % 2 ? ofGroup : ofLogistics));
    const reply = await post({ events });
    expect(reply.status, reply.text).toBe(201);
    expect(new Set(createdEventsSchema.parse(reply.json).ids).size).toBe(1000);
    expect(await acmeTotal()).toBe(before + 1000);
  });
});

describe("one bad item answers 400 naming it, and nothing is stored", () => {
  const good = () => item(ofGroup, { description: "should not be stored" });
  const cases: [string, unknown, string][] = [
    ["a bad status", { events: [good(), good(), item(ofGroup, { status: "OK" })] }, "events[2].status"],
    [
      "a future timestamp",
      { events: [good(), item(ofGroup, { timestamp: "2999-01-01T00:00:00Z" })] },
      "events[1].timestamp",
    ],
    [
      "a reason in capitals",
      { events: [good(), item(ofGroup, { reason: "Wrong_Password" })] },
      "events[1].reason",
    ],
    [
      "a reason too long",
      { events: [item(ofGroup, { reason: "x".repeat(65) }), good()] },
      "events[0].reason",
    ],
    [
      "a client_ip that is no address",
      { events: [good(), good(), good(), item(ofGroup, { client_ip: "10.0.0.256" })] },
      "events[3].client_ip",
    ],
    ["an unknown key in an item", { events: [good(), { ...good(), colour: "red" }] }, "events[1].colour"],
    [
      "a missing container_id",
      { events: [{ ...good(), container_id: undefined }] },
      "events[0].container_id",
    ],
    [
      "a container of no organisation",
      { events: [good(), item({ ...ofGroup, id: "no-such-container" })] },
      "events[1].container_id",
    ],
    ["another tenant's container", { events: [good(), good(), item(ofGlobex)] }, "events[2].container_id"],
    ["no events", { events: [] }, "events"],
    ["1,001 events", { events: Array.from({ length: 1001 }, good) }, "events"],
    ["events not a list", { events: good() }, "events"],
    ["an unknown top-level key", { events: [good()], dry_run: true }, "dry_run"],
  ];

  it.each(cases)("%s", async (_, body, param) => {
    const before = await acmeTotal();
    expectError(await post(body), 400, param);
    expect(await acmeTotal()).toBe(before);
  });

  it("the failures above stored nothing", async () => {
    const { rows } = await listAll(server, token, "/orgs/1/events", {
      q: "description:should not be stored",
    });
    expect(rows).toEqual([]);
  });
});

describe("who may write where", () => {
  it("support staff get 403 even in their own organisation, and nothing is stored", async () => {
    const before = await acmeTotal();
    const reply = await post({ events: [item(ofLogistics)] }, 2, server.tokens.support.auth_token);
    expectError(reply, 403);
    expect(await acmeTotal()).toBe(before);
  });

  it("an organisation outside the caller's reach is a 404, even with its own containers", async () => {
    expectError(await post({ events: [item(ofGlobex)] }, 4), 404);
  });

  it("a child organisation's path does not reach its parent's containers", async () => {
    expectError(await post({ events: [item(ofGroup)] }, 2), 400, "events[0].container_id");
  });

  it("a body over 4 MB is a 413", async () => {
    const description = "x".repeat(2000);
    const events = Array.from({ length: 1000 }, () => item(ofGroup, { description: `${description}é` }));
    const reply = await post({ events: events.concat(events) });
    expectError(reply, 413);
  });

  it("a body not sent as JSON is a 415", async () => {
    const reply = await server.request("POST", batchPath(1), {
      token,
      rawBody: JSON.stringify({ events: [item(ofGroup)] }),
      headers: { "content-type": "text/plain" },
    });
    expectError(reply, 415);
  });
});
