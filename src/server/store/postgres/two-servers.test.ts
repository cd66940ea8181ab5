import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokensSchema, type Tokens } from "../../../contract/auth";
import { eventListSchema } from "../../../contract/event";
import { killLeftovers, spawnServer } from "../../stress/child-server";
import {
  demoPassword,
  demoUsers,
  startTestServer,
  testNowMs,
  type TestServer,
} from "../../test/server-fixture";
import { testAdminUrl } from "./test-database";
import { testDatabase } from "./test-fixture";

const adminUrl = testAdminUrl();

describe.skipIf(adminUrl === undefined)("two servers on one PostgreSQL database", () => {
  let database: { url: string; drop(): Promise<void> };
  let a: TestServer;
  let b: TestServer;
  const container = "c-0006";
  const events = `/orgs/2/containers/${container}/events`;

  beforeAll(async () => {
    database = await testDatabase(adminUrl ?? "");
    a = await startTestServer({ databaseUrl: database.url, seedEvents: 400 });
    b = await startTestServer({ databaseUrl: database.url, seedEvents: 400 });
  });
  afterAll(async () => {
    killLeftovers();
    await a.close();
    await b.close();
    await database.drop();
  });

  const post = (server: TestServer, description: string) =>
    server.request("POST", events, {
      token: server.tokens.acme.auth_token,
      body: { event_type: "ACCESS", status: "FAILURE", timestamp: "2026-11-18T12:00:00Z", description },
    });
  const firstPage = async (server: TestServer) => {
    const reply = await server.get("/orgs/2/events", { token: server.tokens.acme.auth_token });
    expect(reply.status).toBe(200);
    return {
      ids: eventListSchema.parse(reply.json).map((e) => e.id),
      total: reply.headers.get("x-total-count"),
    };
  };

  it("seeded the world once: the second server found it", async () => {
    expect(await a.store.countEvents({ orgIds: [1, 2, 3, 4] }, {})).toBe(400);
    expect(await b.store.countEvents({ orgIds: [1, 2, 3, 4] }, {})).toBe(400);
  });

  it("a write through one is in the other's list, count and CSV at once, past its page cache", async () => {
    const before = await firstPage(b);
    expect(await firstPage(b)).toEqual(before);
    const created = await post(a, "written through server a");
    expect(created.status, created.text).toBe(201);
    const { id } = created.json as { id: number };
    const after = await firstPage(b);
    expect(after.ids[0]).toBe(id);
    expect(Number(after.total)).toBe(Number(before.total) + 1);
    const csv = await b.get("/orgs/2/events", {
      token: b.tokens.acme.auth_token,
      headers: { accept: "text/csv" },
      query: { q: "description:written through server a" },
    });
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split("\r\n").slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^${String(id)},`)),
    ]);
  });

  it("shares the sign-in lock: five failures through one lock the username on the other", async () => {
    for (let i = 0; i < 5; i++) {
      const reply = await a.request("POST", "/authenticate", {
        body: { username: demoUsers.support, password: "wrong" },
      });
      expect(reply.status).toBe(401);
    }
    const locked = await b.request("POST", "/authenticate", {
      body: { username: demoUsers.support, password: demoPassword },
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("shares sessions and the signing key: a token from one works on the other, a sign-out on one ends it on both", async () => {
    const signedIn = await a.request("POST", "/authenticate", {
      body: { username: demoUsers.globex, password: demoPassword },
    });
    const tokens: Tokens = tokensSchema.parse(signedIn.json);
    expect((await b.get("/me", { token: tokens.auth_token })).status).toBe(200);
    const out = await b.request("DELETE", "/authenticate", { body: { refresh_token: tokens.refresh_token } });
    expect(out.status).toBe(204);
    const refreshed = await a.request("POST", "/authenticate", {
      body: { refresh_token: tokens.refresh_token },
    });
    expect(refreshed.status).toBe(401);
    expect((await a.get("/me", { token: tokens.auth_token })).status).toBe(401);
  });

  it("loses no acknowledged write when a server is killed with SIGKILL under writes", async () => {
    const doomed = await spawnServer("", 0, { EVENTDESK_DATABASE_URL: database.url });
    // Its tokens are the other servers' too (one signing key).
    const token = a.tokens.acme.auth_token;
    const run = `sigkill ${String(testNowMs)} ${String(Math.random())}`;
    const acknowledged: number[] = [];
    let killed = false;
    const writer = async (client: number) => {
      for (let n = 0; !killed; n++) {
        const reply = await fetch(`${doomed.url}/api/v1${events}`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({
            event_type: "ACCESS",
            status: "SUCCESS",
            timestamp: "2026-11-18T12:00:00Z",
            description: `${run} ${String(client)}/${String(n)}`,
          }),
        }).catch(() => undefined);
        if (reply?.status === 201) acknowledged.push(((await reply.json()) as { id: number }).id);
      }
    };
    const writers = Promise.all([0, 1, 2, 3, 4, 5].map(writer));
    while (acknowledged.length < 200) await new Promise((resolve) => setTimeout(resolve, 20));
    doomed.child.kill("SIGKILL");
    killed = true;
    await writers;
    await doomed.exited;
    const found = new Set<number>();
    for (let page = 1; ; page++) {
      const reply = await a.get("/orgs/2/events", {
        token: a.tokens.acme.auth_token,
        query: { q: `description:${run}`, per_page: 1000, page },
      });
      const rows = eventListSchema.parse(reply.json);
      for (const row of rows) found.add(row.id);
      if (rows.length < 1000) break;
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(200);
    expect(acknowledged.filter((id) => !found.has(id))).toEqual([]);
  });
});
