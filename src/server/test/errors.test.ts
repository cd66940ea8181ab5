import { afterAll, describe, expect, it } from "vitest";
import { containerEventViews } from "../../contract/api-paths";
import { containerListSchema, type Container } from "../../contract/container";
import { expectConnectionsUsable, expectError, startTestServer } from "./server-fixture";

const server = await startTestServer({ seedEvents: 500 });
afterAll(() => server.close());
const { acme, support } = server.tokens;

const containers = containerListSchema.parse(
  (await server.get("/orgs/1/containers", { token: acme.auth_token, query: { per_page: 1000 } })).json,
);
const ofLogistics = containers.find((c) => c.organisation.id === 2) as Container;
const cid = encodeURIComponent(ofLogistics.id);
const goodEvent = { event_type: "ACCESS", timestamp: "2026-01-01T00:00:00Z", status: "SUCCESS" };

const orgRoutes = (org: string) => [
  `/orgs/${org}/events`,
  ...containerEventViews.map((view) => `/orgs/${org}/container_events/${view}`),
  `/orgs/${org}/containers`,
  `/orgs/${org}/containers/${cid}`,
  `/orgs/${org}/containers/${cid}/events`,
];

describe("malformed organisation ids answer 400 naming org_id", () => {
  const bad = ["abc", "1a", "-1", "1.5", "1e3", "0x1", "my", "%20", "%C2%B9", "+1", " 1"];
  it.each(bad)("/orgs/%s/...", async (org) => {
    for (const path of orgRoutes(org)) {
      expectError(await server.get(path, { token: acme.auth_token }), 400, "org_id");
    }
    expectError(
      await server.request("POST", `/orgs/${org}/containers/${cid}/events`, {
        token: acme.auth_token,
        body: goodEvent,
      }),
      400,
      "org_id",
    );
  });
});

describe("numeric organisation ids of any length are well-formed", () => {
  it("a huge numeric id is a 404 on /orgs and 200 [] on the seed-2 endpoint, never a 400 or 500", async () => {
    for (const org of ["99999999999999999999", "0", "000001"]) {
      const reply = await server.get(`/organisation/${org}/event`, { token: support.auth_token });
      expect(reply.status, `${org}: ${reply.text}`).toBe(200);
      expect(reply.json).toEqual([]);
      expectError(await server.get(`/orgs/${org}/events`, { token: support.auth_token }), 404);
    }
  });
});

describe("error bodies", () => {
  it("an unknown API route is a JSON 404", async () => {
    expectError(await server.get("/no-such-route", { token: acme.auth_token }), 404);
    expectError(await server.get("/orgs/1/container_events/by_nothing", { token: acme.auth_token }), 404);
  });

  it("a method a route does not have answers a JSON error, not a 5xx", async () => {
    for (const [method, path] of [
      ["PUT", "/orgs/1/events"],
      ["DELETE", "/orgs/1/events"],
      ["PATCH", `/orgs/1/containers/${cid}`],
    ]) {
      const reply = await server.request(method as string, path as string, { token: acme.auth_token });
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expectError(reply, reply.status);
    }
  });

  it("a huge body to /authenticate is a 413, and the connection stays usable", async () => {
    const reply = await server.request("POST", "/authenticate", {
      body: { username: "x".repeat(2 * 1024 * 1024), password: "y" },
    });
    expectError(reply, 413);
    await expectConnectionsUsable(server);
  });

  it("no answer leaks a stack trace or SQL", async () => {
    const queries: Record<string, string>[] = [
      { q: "description:'\"; DROP TABLE events; --" },
      { sort: "id;DROP" },
      { page: "1;" },
    ];
    for (const query of queries) {
      const reply = await server.get("/orgs/1/events", { token: acme.auth_token, query });
      expect(reply.status).toBeLessThan(500);
      expect(reply.text).not.toMatch(/SQLITE|sqlite|at \w+ \(|node_modules/);
    }
  });

  it("JSON answers say application/json; charset=utf-8", async () => {
    for (const reply of [
      await server.get("/orgs/1/events", { token: acme.auth_token, query: { per_page: 1 } }),
      await server.get("/me", { token: acme.auth_token }),
      await server.get("/orgs/1/events", { token: acme.auth_token, query: { page: 0 } }),
      await server.get("/me"),
    ]) {
      expect(reply.headers.get("content-type")).toMatch(/^application\/json; ?charset=utf-8$/i);
    }
  });

  it("lists expose their headers to browsers", async () => {
    const reply = await server.get("/orgs/1/events", { token: acme.auth_token });
    const exposed = (reply.headers.get("access-control-expose-headers") ?? "").toLowerCase();
    for (const header of [
      "x-count-per-page",
      "x-current-page",
      "x-total-count",
      "x-total-pages",
      "x-filter",
      "x-sort",
    ]) {
      expect(exposed).toContain(header);
    }
  });
});
