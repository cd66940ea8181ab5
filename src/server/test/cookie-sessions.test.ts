import { afterEach, describe, expect, it } from "vitest";
import { cookieSessionHeader, refreshedSchema } from "../../contract/auth";
import { demoPassword, demoUsers, expectError, startTestServer, type TestServer } from "./server-fixture";

const cookieMode = { [cookieSessionHeader]: "cookie" };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function server(): Promise<TestServer> {
  const started = await startTestServer({ seedEvents: 20, login: false });
  cleanups.push(() => started.close());
  return started;
}

/** Signs in for a cookie session; answers the Set-Cookie header and the cookie to send back. */
async function signIn(app: TestServer) {
  const reply = await app.request("POST", "/authenticate", {
    headers: cookieMode,
    body: { username: demoUsers.acme, password: demoPassword },
  });
  expect(reply.status, reply.text).toBe(200);
  const setCookie = reply.headers.get("set-cookie") ?? "";
  return { reply, setCookie, cookie: setCookie.split(";")[0] ?? "" };
}

describe("a cookie session (the dashboard's)", () => {
  it("answers the auth token only and keeps the refresh token in an HttpOnly, Strict cookie for /authenticate", async () => {
    const app = await server();
    const { reply, setCookie } = await signIn(app);
    expect(Object.keys(reply.json as object)).toEqual(["auth_token"]);
    expect(setCookie).toMatch(/^eventdesk_refresh=[^;]+;/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\/api\/v1\/authenticate/);
    expect(setCookie).toMatch(/; Max-Age=\d+/);
    // Plain HTTP here: Secure only over HTTPS.
    expect(setCookie).not.toMatch(/; Secure/);
  });

  it("refreshes with the cookie and an empty body, from any tab of the browser", async () => {
    const app = await server();
    const { cookie } = await signIn(app);
    const reply = await app.request("POST", "/authenticate", {
      headers: { ...cookieMode, cookie },
      body: {},
    });
    expect(reply.status, reply.text).toBe(200);
    const { auth_token } = refreshedSchema.parse(reply.json);
    expect((await app.get("/me", { token: auth_token })).status).toBe(200);
  });

  it("without the cookie, or without the header, an empty body is refused", async () => {
    const app = await server();
    const { cookie } = await signIn(app);
    expectError(await app.request("POST", "/authenticate", { headers: cookieMode, body: {} }), 401);
    expectError(await app.request("POST", "/authenticate", { headers: { cookie }, body: {} }), 400);
  });

  it("signs out with the cookie: the session is revoked, the cookie cleared, and it no longer refreshes", async () => {
    const app = await server();
    const { cookie } = await signIn(app);
    const out = await app.request("DELETE", "/authenticate", {
      headers: { ...cookieMode, cookie },
      body: {},
    });
    expect(out.status, out.text).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^eventdesk_refresh=;.*Max-Age=0/);
    expectError(
      await app.request("POST", "/authenticate", { headers: { ...cookieMode, cookie }, body: {} }),
      401,
    );
    // Twice is not an error.
    const again = await app.request("DELETE", "/authenticate", {
      headers: { ...cookieMode, cookie },
      body: {},
    });
    expect(again.status).toBe(204);
  });

  it("leaves the JSON tokens for scripts as they were", async () => {
    const app = await server();
    const reply = await app.request("POST", "/authenticate", {
      body: { username: demoUsers.acme, password: demoPassword },
    });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json as object).sort()).toEqual(["auth_token", "refresh_token"]);
    expect(reply.headers.get("set-cookie")).toBeNull();
  });
});
