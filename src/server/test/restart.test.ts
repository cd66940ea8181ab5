import { afterAll, describe, expect, it } from "vitest";
import { containerListSchema, createdEventSchema, type Container } from "../../contract/container";
import { getPage, startTestServer, tempDbPath, type TestServer } from "./server-fixture";

const temp = tempDbPath();
let server: TestServer = await startTestServer({ dbPath: temp.dbPath, seedEvents: 300 });
afterAll(async () => {
  await server.stop();
  temp.remove();
});

const container = containerListSchema.parse(
  (await server.get("/orgs/1/containers", { token: server.tokens.acme.auth_token })).json,
)[0] as Container;
const eventsPath = `/orgs/${container.organisation.id}/containers/${encodeURIComponent(container.id)}/events`;

describe("restarting on the same database file", () => {
  it("keeps posted events and does not seed the demo world again", async () => {
    const before = await getPage(server, server.tokens.acme.auth_token, "/orgs/1/events");
    const reply = await server.request("POST", eventsPath, {
      token: server.tokens.acme.auth_token,
      body: {
        event_type: "EXPIRE",
        timestamp: "2026-01-02T03:04:05Z",
        status: "FAILURE",
        description: "durable",
      },
    });
    expect(reply.status, reply.text).toBe(201);
    const { id } = createdEventSchema.parse(reply.json);

    await server.stop();
    server = await startTestServer({ dbPath: temp.dbPath, seedEvents: 300 });
    const token = server.tokens.acme.auth_token;

    const after = await getPage(server, token, "/orgs/1/events");
    expect(after.total).toBe(before.total + 1);
    const { rows } = await getPage(server, token, eventsPath, { q: "description:durable" });
    expect(rows.map((e) => e.id)).toEqual([id]);
    expect(rows[0]).toMatchObject({
      status: "FAILURE",
      event_type: { id: 103, description: "EXPIRE" },
      container: { id: container.id },
      user: { username: "admin@acme.test" },
    });
    expect(Date.parse(rows[0]?.timestamp ?? "")).toBe(Date.parse("2026-01-02T03:04:05Z"));
  });

  it("a refresh token from before the restart still works, and so does a revocation", async () => {
    const login = await server.request("POST", "/authenticate", {
      body: { username: "support@acme.test", password: "demo" },
    });
    const { refresh_token } = login.json as { refresh_token: string };
    const revoked = await server.request("POST", "/authenticate", {
      body: { username: "support@acme.test", password: "demo" },
    });
    const revokedTokens = revoked.json as { auth_token: string; refresh_token: string };
    const revokedToken = revokedTokens.refresh_token;
    const out = await server.request("DELETE", "/authenticate", {
      token: revokedTokens.auth_token,
      body: { refresh_token: revokedToken },
    });
    expect(out.status).toBe(204);

    await server.stop();
    server = await startTestServer({ dbPath: temp.dbPath, seedEvents: 300, login: false });

    const refreshed = await server.request("POST", "/authenticate", { body: { refresh_token } });
    expect(refreshed.status, refreshed.text).toBe(200);
    const again = await server.request("POST", "/authenticate", { body: { refresh_token: revokedToken } });
    expect(again.status).toBe(401);
  });
});
