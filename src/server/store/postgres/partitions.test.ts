import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { demoEvents } from "../../demo/demo-events";
import { demoWorld } from "../../demo/demo-world";
import { allOrgs, fixtureNowMs, listAll } from "../test-fixture";
import { monthPartition } from "./partitions";
import { openPostgresStore } from "./postgres-store";
import { testAdminUrl } from "./test-database";
import { testDatabase } from "./test-fixture";

const adminUrl = testAdminUrl();

async function partitionNames(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'events'::regclass ORDER BY 1`,
    );
    return found.rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

describe.skipIf(adminUrl === undefined)("month partitions on PostgreSQL", async () => {
  const database = await testDatabase(adminUrl ?? "");
  afterAll(() => database.drop());

  it("partitions the seeded months and the next one, none empty behind them, and keeps older events in the default", async () => {
    const store = await openPostgresStore(database.url, { now: () => fixtureNowMs });
    try {
      const world = demoWorld("hash", fixtureNowMs);
      const events = [...demoEvents(world, 2000, fixtureNowMs)];
      await store.seed(world, events);
      const oldest = Math.min(...events.map((e) => e.timestampMs));
      const container = world.containers[0];
      if (!container) throw new Error("no container");
      const [writtenId] = await store.insertContainerEvents([
        {
          timestampMs: Date.UTC(2025, 0, 10),
          typeId: 101,
          sourceId: 2,
          severityId: 0,
          alert: false,
          status: "SUCCESS",
          description: "long before the seeded months",
          organisationId: container.organisationId,
          userId: 1,
          containerId: container.id,
          reason: null,
          clientIp: null,
        },
      ]);

      // The demo's 90 days before 2026-11-18 start in August; December is made ahead. The migrated template
      // these test databases copy made the months around the real clock's today, whatever it is.
      const seeded = [
        "events_2026_08",
        "events_2026_09",
        "events_2026_10",
        "events_2026_11",
        "events_2026_12",
      ];
      expect(new Date(oldest).getUTCMonth()).toBe(7);
      const templates = [0, 1].map((offset) => monthPartition(Date.now(), offset).name);
      const names = await partitionNames(database.url);
      expect(names.filter((name) => !templates.includes(name))).toEqual(
        [...seeded, "events_default"].filter((name) => !templates.includes(name)),
      );
      expect((await listAll(store)).map((e) => e.id)).toContain(writtenId);
      expect(await store.countEvents(allOrgs, {})).toBe(events.length + 1);
    } finally {
      await store.close();
    }
  });
});
