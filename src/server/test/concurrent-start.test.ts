import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { startTestServer, tempDbPath } from "./server-fixture";

const temp = tempDbPath();
afterAll(() => {
  temp.remove();
});

it("two servers starting on one empty store: one seeds, the other waits for it and serves the same world", async () => {
  const [first, second] = await Promise.all([
    startTestServer({ dbPath: temp.dbPath, seedEvents: 500 }),
    startTestServer({ dbPath: temp.dbPath, seedEvents: 500 }),
  ]);
  try {
    const totals = [];
    for (const server of [first, second]) {
      const reply = await server.get("/orgs/1/events", { token: server.tokens.acme.auth_token });
      expect(reply.status).toBe(200);
      totals.push(reply.headers.get("x-total-count"));
    }
    expect(totals[0]).toBe(totals[1]);
    const db = new Database(temp.dbPath, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM organisations").pluck().get()).toBe(4);
      expect(db.prepare("SELECT count(*) FROM events").pluck().get()).toBe(500);
    } finally {
      db.close();
    }
  } finally {
    await first.stop();
    await second.stop();
  }
});
