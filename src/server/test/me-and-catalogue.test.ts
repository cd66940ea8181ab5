import { afterAll, describe, expect, it } from "vitest";
import { eventTypesResponseSchema } from "../../contract/event";
import { meSchema } from "../../contract/organisation";
import { demoUsers, startTestServer } from "./server-fixture";

const server = await startTestServer({ seedEvents: 50 });
afterAll(() => server.close());

const me = (token: string) => server.get("/me", { token });

describe("GET /me", () => {
  it("admin@acme.test reads Acme Group and its two children", async () => {
    const body = meSchema.parse((await me(server.tokens.acme.auth_token)).json);
    expect(body.user).toMatchObject({ username: demoUsers.acme, role: "admin" });
    expect(body.organisation).toEqual({ id: 1, name: "Acme Group" });
    expect([...body.organisations].sort((a, b) => a.id - b.id)).toEqual([
      { id: 1, name: "Acme Group", parent_id: null },
      { id: 2, name: "Acme Logistics", parent_id: 1 },
      { id: 3, name: "Acme Retail", parent_id: 1 },
    ]);
  });

  it("support@acme.test reads only Acme Logistics", async () => {
    const body = meSchema.parse((await me(server.tokens.support.auth_token)).json);
    expect(body.user).toMatchObject({ username: demoUsers.support, role: "support" });
    expect(body.organisation).toEqual({ id: 2, name: "Acme Logistics" });
    expect(body.organisations.map((o) => [o.id, o.name])).toEqual([[2, "Acme Logistics"]]);
  });

  it("admin@globex.test reads only Globex", async () => {
    const body = meSchema.parse((await me(server.tokens.globex.auth_token)).json);
    expect(body.user).toMatchObject({ username: demoUsers.globex, role: "admin" });
    expect(body.organisation).toEqual({ id: 4, name: "Globex" });
    expect(body.organisations).toEqual([{ id: 4, name: "Globex", parent_id: null }]);
  });
});

describe("open routes", () => {
  it("GET /healthz needs no token", async () => {
    expect((await server.get("/healthz")).status).toBe(200);
  });

  it("GET /api/v1/openapi.json is an OpenAPI 3.1 document covering every endpoint", async () => {
    const reply = await server.get("/openapi.json");
    expect(reply.status).toBe(200);
    const doc = reply.json as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\.1\./);
    const paths = Object.keys(doc.paths).map((p) => p.replace(/^\/api\/v1/, ""));
    for (const path of [
      "/authenticate",
      "/me",
      "/event_types",
      "/organisation/{org_id}/event",
      "/orgs/{org_id}/events",
      "/orgs/{org_id}/containers",
      "/orgs/{org_id}/containers/{container_id}",
      "/orgs/{org_id}/containers/{container_id}/events",
      "/orgs/{org_id}/container_events",
    ]) {
      expect(paths, path).toContain(path);
    }
    expect(paths.some((p) => p.includes("by_fail") || p.includes("{view}"))).toBe(true);
  });

  it("GET /event_types lists the catalogue for pickers", async () => {
    const reply = await server.get("/event_types", { token: server.tokens.support.auth_token });
    expect(reply.status).toBe(200);
    const body = eventTypesResponseSchema.parse(reply.json);
    const types = new Map(body.event_types.map((t) => [t.id, t.description]));
    for (const [id, description] of [
      [0, "Generic"],
      [1, "Update location"],
      [6, "User authentication failed"],
      [7, "Application authentication failed"],
      [11, "Endpoint blocked"],
      [14, "Multi-factor Authentication"],
      [51, "SIM Assigned"],
      [100, "ACCESS"],
      [101, "BLOCK"],
      [102, "CREATE"],
      [103, "EXPIRE"],
    ] as const) {
      expect(types.get(id), String(id)).toBe(description);
    }
    expect(body.sources).toEqual([
      { id: 0, description: "Network" },
      { id: 1, description: "Policy Control" },
      { id: 2, description: "API" },
    ]);
    expect(body.severities).toEqual([
      { id: 0, description: "Info" },
      { id: 1, description: "Warn" },
      { id: 2, description: "Critical" },
    ]);
  });
});
