import { afterAll, describe, expect, it } from "vitest";
import { demoPassword, demoUsers, expectError, startTestServer } from "./server-fixture";

const server = await startTestServer({ seedEvents: 50, login: false });
afterAll(() => server.close());

const login = (username: string, password: string) =>
  server.request("POST", "/authenticate", { body: { username, password } });

async function failTimes(username: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) expectError(await login(username, `wrong-${i}`), 401);
}

describe("sign-in lockout", () => {
  it("a success before the fifth failure resets the count", async () => {
    await failTimes(demoUsers.acme, 4);
    expect((await login(demoUsers.acme, demoPassword)).status).toBe(200);
    await failTimes(demoUsers.acme, 4);
    expect((await login(demoUsers.acme, demoPassword)).status).toBe(200);
  });

  it("five failures lock the username: 429 with Retry-After, even for the right password", async () => {
    await failTimes(demoUsers.globex, 5);
    for (const password of [demoPassword, "wrong-again"]) {
      const reply = await login(demoUsers.globex, password);
      expectError(reply, 429);
      expect(reply.text).not.toMatch(/auth_token/);
      const retryAfter = Number(reply.headers.get("retry-after"));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(300);
    }
  });

  it("the lock is per username", async () => {
    expect((await login(demoUsers.support, demoPassword)).status).toBe(200);
  });
});
