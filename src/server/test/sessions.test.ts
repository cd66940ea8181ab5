import { copyFileSync } from "node:fs";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { refreshedSchema, tokensSchema, type Tokens } from "../../contract/auth";
import { hashPassword } from "../auth/password";
import {
  demoPassword,
  demoUsers,
  expectError,
  startTestServer,
  tempDbPath,
  testNowMs,
  type ServerOptions,
  type TestServer,
} from "./server-fixture";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server whose clock the test moves. */
async function serverWithClock(options: ServerOptions = {}) {
  let clock = testNowMs;
  const server = await startTestServer({ seedEvents: 50, login: false, now: () => clock, ...options });
  cleanups.push(() => server.close());
  return { server, at: (secondsFromStart: number) => (clock = testNowMs + secondsFromStart * 1000) };
}

async function signIn(server: TestServer, username: string, password = demoPassword): Promise<Tokens> {
  const reply = await server.request("POST", "/authenticate", { body: { username, password } });
  expect(reply.status, reply.text).toBe(200);
  return tokensSchema.parse(reply.json);
}

async function refresh(server: TestServer, tokens: Tokens): Promise<string> {
  const reply = await server.request("POST", "/authenticate", {
    body: { refresh_token: tokens.refresh_token },
  });
  expect(reply.status, reply.text).toBe(200);
  return refreshedSchema.parse(reply.json).auth_token;
}

async function signOut(server: TestServer, tokens: Tokens): Promise<void> {
  const reply = await server.request("DELETE", "/authenticate", {
    body: { refresh_token: tokens.refresh_token },
  });
  expect(reply.status, reply.text).toBe(204);
}

const meStatus = async (server: TestServer, token: string) => (await server.get("/me", { token })).status;

describe("a signed-out session stays signed out", () => {
  it("while auth tokens issued late in the refresh token's life are still unexpired", async () => {
    const { server, at } = await serverWithClock({ tokenTtlSeconds: 300, refreshTtlSeconds: 60 });
    const tokens = await signIn(server, demoUsers.acme);
    at(50);
    const late = await refresh(server, tokens);
    await signOut(server, tokens);
    expect(await meStatus(server, late)).toBe(401);

    at(62);
    await signOut(server, await signIn(server, demoUsers.globex));
    expect(await meStatus(server, late)).toBe(401);
    expectError(
      await server.request("POST", "/authenticate", { body: { refresh_token: tokens.refresh_token } }),
      401,
    );
  });

  it("when the clock jumps forward (sweeping every session) and back", async () => {
    const { server, at } = await serverWithClock();
    const tokens = await signIn(server, demoUsers.acme);
    await signOut(server, tokens);
    at(400 * 24 * 3600);
    await signIn(server, demoUsers.globex);
    at(60);
    expect(await meStatus(server, tokens.auth_token)).toBe(401);
  });

  it("an auth token never outlives its session's refresh token", async () => {
    const { server, at } = await serverWithClock({ tokenTtlSeconds: 300, refreshTtlSeconds: 60 });
    const tokens = await signIn(server, demoUsers.acme);
    at(50);
    const late = await refresh(server, tokens);
    expect(await meStatus(server, late)).toBe(200);
    at(61);
    expect(await meStatus(server, late)).toBe(401);
  });

  it("signing out twice is not an error, and other sessions of the user go on", async () => {
    const { server } = await serverWithClock();
    const first = await signIn(server, demoUsers.acme);
    const second = await signIn(server, demoUsers.acme);
    await signOut(server, first);
    await signOut(server, first);
    expect(await meStatus(server, first.auth_token)).toBe(401);
    expect(await meStatus(server, second.auth_token)).toBe(200);
  });
});

describe("tokens name a session, not only a user id", () => {
  it("a user id used again for a new user does not inherit the old user's tokens", async () => {
    const { server } = await serverWithClock();
    const id = 9001;
    const hash = await hashPassword("temp-Pa55");
    const db = new Database(server.dbPath);
    cleanups.push(() => {
      db.close();
    });
    const addUser = (username: string) =>
      db
        .prepare(
          "INSERT INTO users (id, username, name, role, organisation_id, password_hash) VALUES (?, ?, ?, 'admin', 1, ?)",
        )
        .run(id, username, username, hash);
    addUser("leaver@acme.test");
    const old = await signIn(server, "leaver@acme.test", "temp-Pa55");
    expect(await meStatus(server, old.auth_token)).toBe(200);

    db.prepare("DELETE FROM users WHERE id = ?").run(id);
    addUser("joiner@acme.test");
    expect(await meStatus(server, old.auth_token)).toBe(401);
    expectError(
      await server.request("POST", "/authenticate", { body: { refresh_token: old.refresh_token } }),
      401,
    );
  });
});

describe("EVENTDESK_TOKEN_SECRET", () => {
  it("signs tokens instead of the store's secret, so a copy of the store cannot mint or accept them", async () => {
    const tokenSecret = new TextEncoder().encode("a-secret-kept-outside-the-store-0123456789");
    const { server } = await serverWithClock({ tokenSecret });
    const tokens = await signIn(server, demoUsers.acme);
    expect(await meStatus(server, tokens.auth_token)).toBe(200);

    const copy = tempDbPath();
    cleanups.push(() => {
      copy.remove();
    });
    await server.stop();
    copyFileSync(server.dbPath, copy.dbPath);
    const now = () => testNowMs;
    const withoutSecret = await startTestServer({ dbPath: copy.dbPath, login: false, now });
    cleanups.push(() => withoutSecret.stop());
    expect(await meStatus(withoutSecret, tokens.auth_token)).toBe(401);

    const withSecret = await startTestServer({ dbPath: copy.dbPath, login: false, now, tokenSecret });
    cleanups.push(() => withSecret.stop());
    expect(await meStatus(withSecret, tokens.auth_token)).toBe(200);
  });
});
