import { afterAll, describe, expect, it } from "vitest";
import { tokensSchema } from "../../contract/auth";
import { addressRule } from "../auth/sign-in";
import { demoPassword, demoUsers, expectError, startTestServer, type TestServer } from "./server-fixture";

/**
 * Over real sockets, behind a trusted proxy (the test itself, on loopback), so `X-Forwarded-For` gives each
 * request the client address the test chooses.
 */
const proxied = await startTestServer({ seedEvents: 50, trustedProxies: ["127.0.0.0/8", "::1"] });
const direct = await startTestServer({ seedEvents: 50, login: false });
afterAll(async () => {
  await proxied.close();
  await direct.close();
});

const signIn = (server: TestServer, username: string, password: string, from?: string) =>
  server.request("POST", "/authenticate", {
    body: { username, password },
    headers: from === undefined ? {} : { "X-Forwarded-For": from },
  });

/** `freeFailures` failed sign-ins from `from`, each for a made-up username: what an attacker spraying does. */
async function spray(server: TestServer, from: string | (() => string), label: string): Promise<void> {
  for (let i = 0; i < addressRule.freeFailures; i++) {
    const address = typeof from === "string" ? from : from();
    expectError(await signIn(server, `${label}-${String(i)}@example.test`, "guess", address), 401);
  }
}

describe("failed sign-ins from one address", () => {
  const attacker = "203.0.113.66";

  it("slow the address down without locking out its users", async () => {
    // A colleague behind the same address signed in before the attack began.
    expect((await signIn(proxied, demoUsers.acme, demoPassword, attacker)).status).toBe(200);
    await spray(proxied, attacker, "spray");

    const guesses = Promise.all(
      Array.from({ length: addressRule.maxWaiting + 3 }, (_, i) =>
        signIn(proxied, `late-${String(i)}@example.test`, "guess", attacker),
      ),
    );
    // While the guesses wait their turns, the colleague is not held up.
    const started = performance.now();
    expect((await signIn(proxied, demoUsers.acme, demoPassword, attacker)).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(addressRule.intervalMs);

    const replies = await guesses;
    const refused = replies.filter((reply) => reply.status === 429);
    expect(refused.length).toBe(3);
    for (const reply of refused) {
      expectError(reply, 429);
      expect(Number(reply.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    for (const reply of replies.filter((r) => r.status !== 429)) expectError(reply, 401);

    // Someone new at that address waits their turn, then signs in.
    const newcomer = await signIn(proxied, demoUsers.globex, demoPassword, attacker);
    expect(newcomer.status, newcomer.text).toBe(200);
    tokensSchema.parse(newcomer.json);
  }, 30_000);

  it("do not touch users at other addresses", async () => {
    const started = performance.now();
    const reply = await signIn(proxied, demoUsers.support, demoPassword, "198.51.100.7");
    expect(reply.status, reply.text).toBe(200);
    expect(performance.now() - started).toBeLessThan(addressRule.intervalMs);
  });

  it("never hold back a refresh token, even for a locked username at a slowed address", async () => {
    const tokens = proxied.tokens.acme;
    for (let i = 0; i < 5; i++) {
      expectError(await signIn(proxied, demoUsers.acme, `wrong-${String(i)}`, attacker), 401);
    }
    expectError(await signIn(proxied, demoUsers.acme, demoPassword, attacker), 429);
    const refreshed = await proxied.request("POST", "/authenticate", {
      body: { refresh_token: tokens.refresh_token },
      headers: { "X-Forwarded-For": attacker },
    });
    expect(refreshed.status, refreshed.text).toBe(200);
  });
});

describe("a proxy that is not trusted", () => {
  it("X-Forwarded-For is ignored, so changing it does not get around the limit", async () => {
    let n = 0;
    const spoofed = () => `192.0.2.${String(n++ % 250)}`;
    await spray(direct, spoofed, "spoof");
    const replies = await Promise.all(
      Array.from({ length: addressRule.maxWaiting + 2 }, (_, i) =>
        signIn(direct, `spoof-late-${String(i)}@example.test`, "guess", spoofed()),
      ),
    );
    expect(replies.filter((reply) => reply.status === 429).length).toBe(2);
  }, 30_000);
});
