import { afterAll, describe, expect, it } from "vitest";
import {
  containerListSchema,
  createdEventSchema,
  createdEventsSchema,
  type Container,
} from "../../contract/container";
import { eventSchema } from "../../contract/event";
import { openStream, type LiveStream } from "./event-stream-client";
import { pause } from "./export-client";
import { expectError, listAll, startTestServer } from "./server-fixture";

const streamsPerUser = 10;
const server = await startTestServer({ liveHeartbeatMs: 300, streamsPerUser });
afterAll(() => server.close());
const acme = server.tokens.acme.auth_token;
const globex = server.tokens.globex.auth_token;

const acmeContainers = containerListSchema.parse(
  (await server.get("/orgs/1/containers", { token: acme, query: { per_page: 1000 } })).json,
);
const globexContainers = containerListSchema.parse(
  (await server.get("/orgs/4/containers", { token: globex })).json,
);
function pick(containers: Container[], test: (c: Container) => boolean): Container {
  const found = containers.find(test);
  if (!found) throw new Error("no such container in the demo world");
  return found;
}
const ofGroup = pick(acmeContainers, (c) => c.organisation.id === 1);
const ofLogistics = pick(acmeContainers, (c) => c.organisation.id === 2);
const ofRetail = pick(acmeContainers, (c) => c.organisation.id === 3);
const ofGlobex = pick(globexContainers, () => true);

const isoAgo = (ms: number) => new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Logs one container event through the API and answers its id. */
async function post(
  container: Container,
  change: Record<string, string> = {},
  token = container.organisation.id === 4 ? globex : acme,
): Promise<number> {
  const orgId = container.organisation.id;
  const reply = await server.request("POST", `/orgs/${String(orgId)}/containers/${container.id}/events`, {
    token,
    body: { event_type: "ACCESS", timestamp: isoAgo(60_000), status: "SUCCESS", ...change },
  });
  expect(reply.status, reply.text).toBe(201);
  return createdEventSchema.parse(reply.json).id;
}

async function postMany(count: number): Promise<number[]> {
  const events = Array.from({ length: count }, (_, i) => ({
    container_id: [ofGroup, ofLogistics, ofRetail][i % 3]?.id,
    event_type: "CREATE",
    timestamp: isoAgo(30_000),
    status: "SUCCESS",
  }));
  const reply = await server.request("POST", "/orgs/1/container_events", { token: acme, body: { events } });
  expect(reply.status, reply.text).toBe(201);
  return createdEventsSchema.parse(reply.json).ids;
}

const opened: LiveStream[] = [];
afterAll(() => {
  opened.forEach((stream) => {
    stream.abort();
  });
});
async function stream(orgId: number | string, init: Parameters<typeof openStream>[2]) {
  const live = await openStream(server, orgId, init);
  opened.push(live);
  return live;
}
/** A stream that answered 200 and whose first message (a comment) has arrived: it is listening. */
async function listening(orgId: number, init: Parameters<typeof openStream>[2]) {
  const live = await stream(orgId, init);
  expect(live.status, live.text).toBe(200);
  expect((await live.next())?.comment).toBe("keep-alive");
  return live;
}
const eventIds = async (live: LiveStream, count: number) =>
  (await live.events(count)).map(({ id, event }) => {
    expect(id).toBe(String(event.id));
    return event.id;
  });

describe("GET /orgs/{org_id}/events/stream", () => {
  it("answers an uncompressed, uncached event stream", async () => {
    const live = await stream(1, { token: acme, headers: { "accept-encoding": "gzip" } });
    expect(live.status, live.text).toBe(200);
    expect(live.headers.get("content-type")).toBe("text/event-stream");
    expect(live.headers.get("cache-control")).toBe("no-store");
    expect(live.headers.get("content-encoding")).toBeNull();
    expect(await live.next()).toEqual({ comment: "keep-alive" });
    live.abort();
  });

  it("sends an event stored after it opened, within a second, in the list's shape", async () => {
    const live = await listening(1, { token: acme });
    const posted = performance.now();
    const id = await post(ofLogistics, { status: "FAILURE", description: "live one" });
    const [received] = await live.events(1);
    expect(performance.now() - posted).toBeLessThan(1000);
    expect(received?.id).toBe(String(id));
    const one = await server.get(`/orgs/1/events/${String(id)}`, { token: acme });
    expect(received?.event).toEqual(eventSchema.parse(one.json));
    expect(received?.event).toMatchObject({ description: "live one", status: "FAILURE" });
    live.abort();
  });

  it("sends only what the same view and q would list", async () => {
    const failures = await listening(1, { token: acme, query: { view: "by_fail" } });
    const ofContainer = await listening(1, { token: acme, query: { q: `container:${ofRetail.id}` } });
    const created = await listening(1, { token: acme, query: { view: "by_create", q: "status:FAILURE" } });
    await post(ofGroup, { status: "SUCCESS" });
    const failed = await post(ofGroup, { status: "FAILURE" });
    const retail = await post(ofRetail, { status: "SUCCESS" });
    const createdFailure = await post(ofGroup, { event_type: "CREATE", status: "FAILURE" });
    expect(await eventIds(failures, 2)).toEqual([failed, createdFailure]);
    expect(await eventIds(ofContainer, 1)).toEqual([retail]);
    expect(await eventIds(created, 1)).toEqual([createdFailure]);
  });

  it("keeps to the caller's reach: 404 outside it, and another organisation's events never arrive", async () => {
    expectError(await server.get("/orgs/1/events/stream", { token: globex }), 404);
    expectError(await server.get("/orgs/1/events/stream", { token: server.tokens.support.auth_token }), 404);
    expectError(await server.get("/orgs/99/events/stream", { token: acme }), 404);
    expectError(await server.get("/orgs/abc/events/stream", { token: acme }), 400, "org_id");
    expectError(await server.get("/orgs/1/events/stream"), 401);

    const logistics = await listening(2, { token: acme });
    await post(ofGlobex);
    await post(ofGroup);
    const mine = await post(ofLogistics);
    expect(await eventIds(logistics, 1)).toEqual([mine]);
  });

  it("answers 400 naming a bad q, view or Last-Event-ID before any stream starts", async () => {
    const bad = async (
      query: Record<string, string>,
      param: string,
      headers: Record<string, string> = {},
    ) => {
      const live = await stream(1, { token: acme, query, headers });
      expect(live.headers.get("content-type")).toMatch(/^application\/json/);
      expect(live.status).toBe(400);
      expect(JSON.parse(live.text)).toMatchObject({ error: "bad_request", param });
    };
    await bad({ q: "nonsense:1" }, "q");
    await bad({ q: "severity:loud" }, "q");
    await bad({ view: "by_everything" }, "view");
    await bad({}, "Last-Event-ID", { "last-event-id": "twelve" });
    // Like the facets and the histogram, the stream ignores the list's paging and order.
    const ignored = await stream(1, { token: acme, query: { sort: "nonsense", page: "0", per_page: "x" } });
    expect(ignored.status).toBe(200);
    ignored.abort();
  });

  it("resumes after Last-Event-ID: what was written meanwhile, in order, once, then live", async () => {
    const view = { view: "by_access" };
    const first = await listening(1, { token: acme, query: view });
    const seen = await post(ofGroup);
    expect(await eventIds(first, 1)).toEqual([seen]);
    first.abort();
    const missed = [await post(ofLogistics), await post(ofRetail, { status: "FAILURE" })];
    await post(ofGroup, { event_type: "BLOCK" });
    missed.push(await post(ofGroup));
    const resumed = await listening(1, {
      token: acme,
      query: view,
      headers: { "last-event-id": String(seen) },
    });
    expect(await eventIds(resumed, 3)).toEqual(missed);
    const later = await post(ofRetail);
    expect(await eventIds(resumed, 1)).toEqual([later]);
  });

  it("sends every event exactly once and in id order under concurrent writers, across a resume", async () => {
    let live = await listening(1, { token: acme });
    const writes = Promise.all([
      ...Array.from({ length: 40 }, (_, i) => post([ofGroup, ofLogistics, ofRetail][i % 3] ?? ofGroup)),
      ...Array.from({ length: 6 }, () => postMany(25)),
    ]);
    const expected = (await writes).flat().sort((a, b) => a - b);
    expect(expected).toHaveLength(40 + 6 * 25);

    const received = await eventIds(live, 90);
    live.abort();
    const more = postMany(20);
    live = await listening(1, { token: acme, headers: { "last-event-id": String(received.at(-1)) } });
    expected.push(...(await more));
    received.push(...(await eventIds(live, expected.length - received.length)));
    expect(received).toEqual(expected);
    // Nothing more follows but keep-alive comments.
    expect((await live.next(1000))?.comment).toBe("keep-alive");
  });

  it("a resume from an old id sends the backlog in batches, exactly the list's events in id order", async () => {
    const queries: Record<string, string>[] = [{}, { view: "by_fail" }, { q: "severity:2,severity:1" }];
    for (const query of queries) {
      const path = query.view === undefined ? "/orgs/2/events" : `/orgs/2/container_events/${query.view}`;
      const listed = await listAll(server, acme, path, query.q === undefined ? {} : { q: query.q });
      const expected = listed.rows.map((event) => event.id).sort((a, b) => a - b);
      expect(expected.length).toBeGreaterThan(0);
      const live = await listening(2, { token: acme, query, headers: { "last-event-id": "0" } });
      expect(await eventIds(live, expected.length)).toEqual(expected);
      live.abort();
    }
  });

  it("sends a keep-alive comment while nothing happens", async () => {
    const live = await listening(3, { token: acme, query: { q: "description:nothing-matches-this" } });
    expect(await live.next(2000)).toEqual({ comment: "keep-alive" });
    expect(await live.next(2000)).toEqual({ comment: "keep-alive" });
    live.abort();
  });

  it("caps each user's open streams (429 with Retry-After), and a stream the client closes frees its slot", async () => {
    const support = server.tokens.support.auth_token;
    const streams = await Promise.all(
      Array.from({ length: streamsPerUser }, () => listening(2, { token: support })),
    );
    const refused = await stream(2, { token: support });
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.text)).toMatchObject({ error: "too_many_requests" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another user's streams are counted apart.
    (await listening(2, { token: acme })).abort();

    streams[0]?.abort();
    // The server frees the slot once it sees the connection close.
    let again = await stream(2, { token: support });
    for (let tries = 0; tries < 50 && again.status === 429; tries++) {
      await pause(50);
      again = await stream(2, { token: support });
    }
    expect(again.status).toBe(200);
    streams.forEach((live) => {
      live.abort();
    });
  });
});
