import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { demoEvents } from "../../demo/demo-events";
import { demoWorld } from "../../demo/demo-world";
import { fixtureNowMs, listAll, logContainerEvent } from "../test-fixture";
import { migrations } from "./migrations";
import { openPostgresStore } from "./postgres-store";
import { testAdminUrl } from "./test-database";
import { testDatabase } from "./test-fixture";

const adminUrl = testAdminUrl();

async function query(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<Record<string, unknown>>(sql, values);
  } finally {
    await client.end();
  }
}

describe.skipIf(adminUrl === undefined)("migrations on PostgreSQL", async () => {
  const database = await testDatabase(adminUrl ?? "");
  afterAll(() => database.drop());

  it("upgrades a store from before reason and client_ip in place: its events stay and read both as null", async () => {
    const now = () => fixtureNowMs;
    const world = demoWorld("hash", fixtureNowMs);
    const seeding = await openPostgresStore(database.url, { now });
    await seeding.seed(world, demoEvents(world, 300, fixtureNowMs));
    const before = await listAll(seeding);
    await seeding.close();
    // The store as the version before the last step left it.
    await query(
      database.url,
      `DROP INDEX events_org_reason, events_org_client_ip;
       ALTER TABLE events DROP COLUMN reason, DROP COLUMN client_ip;`,
    );
    await query(database.url, "UPDATE schema_version SET version = $1", [migrations.length - 1]);

    const store = await openPostgresStore(database.url, { now });
    try {
      expect(await listAll(store)).toEqual(before.map((e) => ({ ...e, reason: null, client_ip: null })));
      const container = await store.findContainer([1], "c-0001");
      if (!container) throw new Error("no container");
      const id = await logContainerEvent(store, container, 1, {
        event_type: "ACCESS",
        timestamp: "2026-11-18T11:00:00Z",
        status: "FAILURE",
        reason: "geo_blocked",
        client_ip: "2001:DB8::5",
      });
      const found = await store.listEvents(
        { orgIds: [1] },
        { client_ip: ["2001:db8::5"] },
        [{ field: "timestamp", desc: true }],
        { page: 1, perPage: 10 },
      );
      expect(found.rows.map((e) => [e.id, e.reason, e.client_ip])).toEqual([
        [id, "geo_blocked", "2001:db8::5"],
      ]);
    } finally {
      await store.close();
    }
    const version = await query(database.url, "SELECT version FROM schema_version");
    expect(version.rows[0]?.version).toBe(migrations.length);
    const indexes = await query(
      database.url,
      "SELECT indexname FROM pg_indexes WHERE tablename = 'events' AND indexname IN ('events_org_reason', 'events_org_client_ip')",
    );
    expect(indexes.rows.map((row) => row.indexname).sort()).toEqual([
      "events_org_client_ip",
      "events_org_reason",
    ]);
  });
});
