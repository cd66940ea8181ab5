import { strict as assert } from "node:assert";
import Database from "better-sqlite3";
import { spawnServer, stopServer } from "./child-server";
import { call, signIn } from "./stress-client";

/** Enough events that seeding holds the write lock longer than SQLite's 5 s busy timeout. */
const events = 200_000;

/**
 * Two server processes start at once on one new store: exactly one seeds, the other waits for the seed
 * (longer than the busy timeout) and then serves the same world.
 */
export async function concurrentStart(db: string): Promise<string> {
  const started = performance.now();
  const servers = await Promise.all([spawnServer(db, events), spawnServer(db, events)]);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  try {
    const totals = await Promise.all(
      servers.map(async (server) => {
        const token = await signIn(server.url, "admin@globex.test");
        const answer = await call(`${server.url}/api/v1/orgs/4/events?per_page=1`, { token });
        assert.equal(answer.status, 200, answer.text);
        return answer.headers.get("x-total-count");
      }),
    );
    assert.equal(totals[0], totals[1], "both servers serve the same world");
  } finally {
    for (const server of servers) assert.equal(await stopServer(server), 0);
  }
  const store = new Database(db, { readonly: true });
  try {
    assert.equal(store.prepare("SELECT count(*) FROM events").pluck().get(), events, "seeded exactly once");
  } finally {
    store.close();
  }
  return `both listening after ${seconds} s, ${String(events)} events seeded once`;
}
