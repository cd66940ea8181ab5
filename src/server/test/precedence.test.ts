import { afterAll, describe, expect, it } from "vitest";
import { containerListSchema } from "../../contract/container";
import { expectError, startTestServer } from "./server-fixture";

const server = await startTestServer({ seedEvents: 300 });
afterAll(() => server.close());
const admin = server.tokens.acme.auth_token;
const support = server.tokens.support.auth_token;
const globex = server.tokens.globex.auth_token;

async function firstContainerOf(orgId: number, token: string): Promise<string> {
  const reply = await server.get(`/orgs/${orgId}/containers`, { token, query: { per_page: 1000 } });
  const own = containerListSchema.parse(reply.json).find((c) => c.organisation.id === orgId);
  if (!own) throw new Error(`organisation ${orgId} has no container`);
  return own.id;
}
const logisticsContainer = await firstContainerOf(2, admin);
const globexContainer = await firstContainerOf(4, globex);
const newEvent = { event_type: "ACCESS", timestamp: "2026-01-01T00:00:00Z", status: "FAILURE" };
const badEvent = { ...newEvent, event_type: "OPEN" };

describe("precedence: 401 → 400 path → 404 → 403 → 400 parameters or body", () => {
  it("401 comes first, even for a malformed path, an unknown route, bad parameters or a bad body", async () => {
    for (const path of ["/orgs/abc/events", "/orgs/4/events", "/no/such/route", "/organisation/x/event"]) {
      expectError(await server.get(path), 401);
    }
    expectError(await server.get("/orgs/abc/events", { query: { page: 0 } }), 401);
    const post = { body: badEvent, token: "garbage" };
    expectError(await server.request("POST", "/orgs/abc/containers/x/events", post), 401);
  });

  it("a malformed org_id is 400 before any 404, on every org route", async () => {
    for (const id of ["abc", "1.5", "-1", "1e3", "0x10", "%20"]) {
      for (const path of [
        `/orgs/${id}/events`,
        `/orgs/${id}/containers`,
        `/orgs/${id}/container_events/by_fail`,
      ]) {
        expectError(await server.get(path, { token: admin }), 400, "org_id");
      }
      expectError(await server.get(`/organisation/${id}/event`, { token: admin }), 400, "org_id");
    }
    expectError(await server.get("/orgs/abc/containers/no-such/events", { token: admin }), 400, "org_id");
  });

  it("a container id over 128 characters is 400 container_id, even in an organisation out of reach", async () => {
    const long = "c".repeat(129);
    expectError(await server.get(`/orgs/4/containers/${long}`, { token: admin }), 400, "container_id");
    expectError(await server.get(`/orgs/1/containers/${long}/events`, { token: admin }), 400, "container_id");
  });

  it("an organisation out of reach answers the same 404 as one that does not exist, or cannot", async () => {
    const outOfReach = expectError(await server.get("/orgs/4/events", { token: admin }), 404);
    for (const id of ["999", "99999999999999999999", "9007199254740993"]) {
      expect(expectError(await server.get(`/orgs/${id}/events`, { token: admin }), 404)).toEqual(outOfReach);
      const seed2 = await server.get(`/organisation/${id}/event`, { token: admin });
      expect(seed2.status).toBe(200);
      expect(seed2.json).toEqual([]);
    }
    expectError(await server.get("/orgs/1/events", { token: support }), 404);
  });

  it("404 wins over bad parameters; bad parameters answer 400 naming them once the scope is found", async () => {
    expectError(await server.get("/orgs/4/events", { token: admin, query: { page: "x" } }), 404);
    expectError(await server.get("/orgs/4/events", { token: admin, query: { sort: "x" } }), 404);
    expectError(
      await server.get("/orgs/1/containers/no-such/events", { token: admin, query: { page: 0 } }),
      404,
    );
    expectError(await server.get("/orgs/1/events", { token: admin, query: { page: "x" } }), 400, "page");
    expectError(await server.get("/orgs/1/events", { token: admin, query: "sort=id&sort=id" }), 400, "sort");
    expectError(await server.get("/orgs/1/events", { token: admin, query: { bom: "yes" } }), 400, "bom");
  });

  it("a parent reaches its children's containers; a sibling does not", async () => {
    const reply = await server.get(`/orgs/1/containers/${logisticsContainer}`, { token: admin });
    expect(reply.status, reply.text).toBe(200);
    expectError(await server.get(`/orgs/3/containers/${logisticsContainer}`, { token: admin }), 404);
    expectError(await server.get(`/orgs/1/containers/${globexContainer}`, { token: admin }), 404);
    expectError(await server.get(`/orgs/4/containers/${globexContainer}`, { token: admin }), 404);
  });

  it("a support user's write is 404 outside its reach and 403 inside, before the body is looked at", async () => {
    const post = (path: string, body: unknown) => server.request("POST", path, { token: support, body });
    expectError(await post(`/orgs/4/containers/${globexContainer}/events`, newEvent), 404);
    expectError(await post(`/orgs/1/containers/${logisticsContainer}/events`, newEvent), 404);
    expectError(await post(`/orgs/2/containers/nope/events`, newEvent), 404);
    expectError(await post(`/orgs/2/containers/${logisticsContainer}/events`, { bad: true }), 403);
    expectError(await post(`/orgs/2/containers/${logisticsContainer}/events`, badEvent), 403);
    expectError(await post(`/orgs/2/containers/${logisticsContainer}/events`, newEvent), 403);
  });

  it("an admin's bad body is 404 for an unknown container, else 400 naming the field; a good one is 201", async () => {
    const path = `/orgs/1/containers/${logisticsContainer}/events`;
    const post = (body: unknown) => server.request("POST", path, { token: admin, body });
    const unknownContainer = "/orgs/1/containers/no-such/events";
    expectError(await server.request("POST", unknownContainer, { token: admin, body: badEvent }), 404);
    expectError(await post(badEvent), 400, "event_type");
    expectError(await post({ ...newEvent, status: "MAYBE" }), 400, "status");
    expectError(await post({ event: { ...newEvent, colour: "red" } }), 400, "colour");
    expectError(await post({ event: { ...newEvent, timestamp: "yesterday" } }), 400, "timestamp");
    expectError(await server.request("POST", path, { token: admin, rawBody: "{" }), 400, "body");
    const created = await post({ event: newEvent });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toEqual({ message: "Event logged successfully", id: expect.any(Number) as number });
  });

  it("a body over 64 KB answers 413", async () => {
    const path = `/orgs/1/containers/${logisticsContainer}/events`;
    const rawBody = JSON.stringify({ ...newEvent, description: "x".repeat(70 * 1024) });
    expectError(await server.request("POST", path, { token: admin, rawBody }), 413);
  });
});

describe("seed 2's /organisation/{org_id|my}/event", () => {
  it("answers 200 [] with x-total-count 0 for an organisation out of reach or missing", async () => {
    for (const id of [4, 999]) {
      const reply = await server.get(`/organisation/${id}/event`, { token: admin });
      expect(reply.status).toBe(200);
      expect(reply.json).toEqual([]);
      expect(reply.headers.get("x-total-count")).toBe("0");
      expect(reply.headers.get("x-total-pages")).toBe("0");
    }
  });

  it("still answers 400 for bad parameters there", async () => {
    expectError(
      await server.get("/organisation/4/event", { token: admin, query: { sort: "nope" } }),
      400,
      "sort",
    );
  });

  it("`my` is the caller's own organisation, with its descendants", async () => {
    const mine = await server.get("/organisation/my/event", { token: admin, query: { per_page: 1 } });
    const one = await server.get("/orgs/1/events", { token: admin, query: { per_page: 1 } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get("x-total-count")).toBe(one.headers.get("x-total-count"));
  });
});

describe("content negotiation and unknown routes", () => {
  it("406 for an Accept the endpoint cannot answer", async () => {
    const accept = (value: string) => ({ token: admin, headers: { accept: value } });
    expectError(await server.get("/orgs/1/containers", accept("text/csv")), 406);
    expectError(await server.get("/orgs/1/events", accept("application/xml")), 406);
    expectError(await server.get("/me", accept("text/csv")), 406);
    expect((await server.get("/orgs/1/events", accept("*/*"))).status).toBe(200);
  });

  it("unknown routes under /api/v1 answer a JSON 404", async () => {
    expectError(await server.get("/orgs/1/container_events/by_nothing", { token: admin }), 404);
    expectError(await server.request("PUT", "/me", { token: admin }), 404);
  });
});
