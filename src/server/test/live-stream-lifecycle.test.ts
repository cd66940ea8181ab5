import { afterAll, describe, expect, it } from "vitest";
import { tokensSchema } from "../../contract/auth";
import { openStream } from "./event-stream-client";
import { demoPassword, demoUsers, startTestServer } from "./server-fixture";

const ttlSeconds = 2;
const server = await startTestServer({ seedEvents: 50, tokenTtlSeconds: ttlSeconds, login: false });
afterAll(() => server.close());

/** Signed in here, not by the fixture, so the stream opens well inside the token's lifetime. */
async function signIn(): Promise<string> {
  const login = await server.request("POST", "/authenticate", {
    body: { username: demoUsers.acme, password: demoPassword },
  });
  return tokensSchema.parse(login.json).auth_token;
}

describe("the end of a live stream", () => {
  it("comes when the auth token expires", async () => {
    const opened = performance.now();
    const live = await openStream(server, 1, { token: await signIn() });
    expect(live.status, live.text).toBe(200);
    await live.ended((ttlSeconds + 2) * 1000);
    expect(performance.now() - opened).toBeLessThan((ttlSeconds + 1.5) * 1000);
  });

  it("comes promptly for every open stream when the server stops", async () => {
    const token = await signIn();
    const streams = await Promise.all([1, 2, 3].map((orgId) => openStream(server, orgId, { token })));
    expect(streams.map((live) => live.status)).toEqual([200, 200, 200]);
    const stopping = performance.now();
    await Promise.all([server.stop(), ...streams.map((live) => live.ended(3000))]);
    expect(performance.now() - stopping).toBeLessThan(2000);
  });
});
