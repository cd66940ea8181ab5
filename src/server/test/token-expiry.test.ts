import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { refreshedSchema, tokensSchema } from "../../contract/auth";
import { demoPassword, demoUsers, expectError, startTestServer } from "./server-fixture";

const ttlSeconds = 2;
const server = await startTestServer({ seedEvents: 50, tokenTtlSeconds: ttlSeconds, login: false });
afterAll(() => server.close());

describe("token expiry", () => {
  it("an auth token stops working after its lifetime; the refresh token gets a new one", async () => {
    // Signed in here, not by the fixture, so the first request comes well inside the token's lifetime.
    const login = await server.request("POST", "/authenticate", {
      body: { username: demoUsers.acme, password: demoPassword },
    });
    const { auth_token, refresh_token } = tokensSchema.parse(login.json);
    expect((await server.get("/me", { token: auth_token })).status).toBe(200);

    await sleep((ttlSeconds + 1.2) * 1000);
    const expired = await server.get("/me", { token: auth_token });
    expectError(expired, 401);
    expect(expired.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
    expectError(await server.get("/orgs/1/events", { token: auth_token }), 401);

    const refreshed = await server.request("POST", "/authenticate", { body: { refresh_token } });
    expect(refreshed.status, refreshed.text).toBe(200);
    const fresh = refreshedSchema.parse(refreshed.json).auth_token;
    expect(fresh).not.toBe(auth_token);
    expect((await server.get("/me", { token: fresh })).status).toBe(200);
  });
});
