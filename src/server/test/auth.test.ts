import { createHmac, randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { tokensSchema, refreshedSchema } from "../../contract/auth";
import { meSchema } from "../../contract/organisation";
import { demoPassword, demoUsers, expectError, startTestServer, type Reply } from "./server-fixture";

const server = await startTestServer({ seedEvents: 200 });
afterAll(() => server.close());

const login = async (username: string, password = demoPassword) =>
  server.request("POST", "/authenticate", { body: { username, password } });

async function freshTokens(username: string = demoUsers.acme) {
  const reply = await login(username);
  expect(reply.status, reply.text).toBe(200);
  return tokensSchema.parse(reply.json);
}

const me = (token: string) => server.get("/me", { token });

function expectUnauthorized(reply: Reply): void {
  expectError(reply, 401);
  expect(reply.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const decodePart = (part: string | undefined) =>
  JSON.parse(Buffer.from(part ?? "", "base64url").toString()) as Record<string, unknown>;

/** Every route behind the token, with a method and a body where it needs one. */
const protectedRoutes: [string, string][] = [
  ["GET", "/me"],
  ["GET", "/event_types"],
  ["GET", "/organisation/1/event"],
  ["GET", "/organisation/my/event"],
  ["GET", "/orgs/1/events"],
  ["GET", "/orgs/1/container_events/by_access"],
  ["GET", "/orgs/1/container_events/by_block"],
  ["GET", "/orgs/1/container_events/by_create"],
  ["GET", "/orgs/1/container_events/by_expire"],
  ["GET", "/orgs/1/container_events/by_fail"],
  ["GET", "/orgs/1/containers"],
  ["GET", "/orgs/1/containers/c-0001"],
  ["GET", "/orgs/1/containers/c-0001/events"],
  ["POST", "/orgs/1/containers/c-0001/events"],
];
const newEvent = { event_type: "ACCESS", timestamp: "2026-01-01T00:00:00Z", status: "SUCCESS" };

describe("sign in with a password", () => {
  it("answers an auth token and a refresh token", async () => {
    const reply = await login(demoUsers.acme);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    const tokens = tokensSchema.parse(reply.json);
    expect(tokens.auth_token.split(".")).toHaveLength(3);
    expect(tokens.refresh_token).not.toBe(tokens.auth_token);
    expect((await me(tokens.auth_token)).status).toBe(200);
  });

  it("auth tokens live one hour by default; refresh tokens longer", async () => {
    const tokens = await freshTokens();
    const auth = decodePart(tokens.auth_token.split(".")[1]);
    const refresh = decodePart(tokens.refresh_token.split(".")[1]);
    expect(Number(auth.exp) - Number(auth.iat)).toBe(3600);
    expect(Number(refresh.exp)).toBeGreaterThan(Number(auth.exp));
  });

  it("401 for a wrong password or an unknown user, with no token", async () => {
    for (const reply of [await login(demoUsers.support, "wrong"), await login("nobody@acme.test")]) {
      expectUnauthorized(reply);
      expect(reply.text).not.toMatch(/auth_token/);
    }
  });

  it("400 for a body that is not a sign-in", async () => {
    for (const body of [
      {},
      { username: demoUsers.acme },
      { password: "demo" },
      { username: 1, password: 2 },
    ]) {
      expectError(await server.request("POST", "/authenticate", { body }), 400);
    }
    expectError(
      await server.request("POST", "/authenticate", {
        body: { username: demoUsers.acme, password: "demo", x: 1 },
      }),
      400,
    );
    expectError(await server.request("POST", "/authenticate", { rawBody: "{not json" }), 400);
    expectError(await server.request("POST", "/authenticate", { rawBody: "[]" }), 400);
  });
});

describe("the auth token", () => {
  it("every protected route answers 401 with WWW-Authenticate: Bearer without one", async () => {
    for (const [method, path] of protectedRoutes) {
      const reply = await server.request(method, path, method === "POST" ? { body: newEvent } : {});
      expectUnauthorized(reply);
    }
  });

  it("malformed Authorization headers answer 401", async () => {
    const { auth_token } = await freshTokens();
    const headers = [
      "Bearer",
      "Bearer ",
      "Bearer garbage",
      "Bearer a.b.c",
      "Bearer ...",
      `Basic ${Buffer.from(`${demoUsers.acme}:demo`).toString("base64")}`,
      `Token ${auth_token}`,
      `Bearer ${auth_token}x`,
      `Bearer ${auth_token}.extra`,
      auth_token,
    ];
    for (const authorization of headers) {
      expectUnauthorized(await server.get("/me", { headers: { authorization } }));
    }
  });

  it("the Bearer scheme is case-insensitive (RFC 9110)", async () => {
    const { auth_token } = await freshTokens();
    expect((await server.get("/me", { headers: { authorization: `bearer ${auth_token}` } })).status).toBe(
      200,
    );
  });

  it("a tampered payload answers 401", async () => {
    const { auth_token } = await freshTokens(demoUsers.support);
    const [header, payload, signature] = auth_token.split(".");
    const claims = decodePart(payload);
    for (const change of [
      { sub: "1" },
      { exp: Math.floor(Date.now() / 1000) + 86400 * 365 },
      { role: "admin" },
    ]) {
      const forged = `${header}.${b64({ ...claims, ...change })}.${signature}`;
      expectUnauthorized(await me(forged));
    }
  });

  it("a tampered signature answers 401", async () => {
    const { auth_token } = await freshTokens();
    const [header, payload, signature = ""] = auth_token.split(".");
    const middle = Math.floor(signature.length / 2);
    const flipped = signature[middle] === "A" ? "B" : "A";
    const forged = `${header}.${payload}.${signature.slice(0, middle)}${flipped}${signature.slice(middle + 1)}`;
    expectUnauthorized(await me(forged));
    expectUnauthorized(await me(`${header}.${payload}.`));
  });

  it("an alg: none token answers 401", async () => {
    const { auth_token } = await freshTokens();
    const claims = decodePart(auth_token.split(".")[1]);
    for (const alg of ["none", "None", "NONE"]) {
      const unsigned = `${b64({ alg, typ: "JWT" })}.${b64(claims)}.`;
      expectUnauthorized(await me(unsigned));
      expectUnauthorized(await server.get("/me", { headers: { authorization: `Bearer ${unsigned}` } }));
    }
  });

  it("a token signed with another key answers 401", async () => {
    const { auth_token } = await freshTokens();
    const [header, payload] = auth_token.split(".");
    const signature = createHmac("sha256", randomBytes(32))
      .update(`${header}.${payload}`)
      .digest("base64url");
    expectUnauthorized(await me(`${header}.${payload}.${signature}`));
  });

  it("a refresh token is not an auth token", async () => {
    const { refresh_token } = await freshTokens();
    expectUnauthorized(await me(refresh_token));
  });
});

describe("refresh and sign out", () => {
  it("a refresh token answers a fresh auth token and stays usable", async () => {
    const { refresh_token } = await freshTokens(demoUsers.support);
    for (let i = 0; i < 2; i++) {
      const reply = await server.request("POST", "/authenticate", { body: { refresh_token } });
      expect(reply.status, reply.text).toBe(200);
      const { auth_token } = refreshedSchema.parse(reply.json);
      const who = meSchema.parse((await me(auth_token)).json);
      expect(who.user.username).toBe(demoUsers.support);
    }
  });

  it("an auth token or garbage is not a refresh token", async () => {
    const { auth_token } = await freshTokens();
    expectUnauthorized(
      await server.request("POST", "/authenticate", { body: { refresh_token: auth_token } }),
    );
    expectUnauthorized(await server.request("POST", "/authenticate", { body: { refresh_token: "x.y.z" } }));
  });

  it("signing out answers 204 and revokes that refresh token only", async () => {
    const first = await freshTokens();
    const second = await freshTokens();
    const out = await server.request("DELETE", "/authenticate", {
      token: first.auth_token,
      body: { refresh_token: first.refresh_token },
    });
    expect(out.status, out.text).toBe(204);
    expect(out.text).toBe("");
    expectUnauthorized(
      await server.request("POST", "/authenticate", { body: { refresh_token: first.refresh_token } }),
    );
    const other = await server.request("POST", "/authenticate", {
      body: { refresh_token: second.refresh_token },
    });
    expect(other.status).toBe(200);
  });

  it("signing out needs a refresh token in the body", async () => {
    const { auth_token } = await freshTokens();
    const reply = await server.request("DELETE", "/authenticate", { token: auth_token, body: {} });
    expect(reply.status).toBe(400);
  });
});
