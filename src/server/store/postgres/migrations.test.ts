import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { demoEvents } from "../../demo/demo-events";
import { demoWorld } from "../../demo/demo-world";
import { fixtureNowMs, listAll, logContainerEvent } from "../test-fixture";
import { migrations } from "./migrations";
import { nameTaken } from "../saved-view-store";
import { openPostgresStore } from "./postgres-store";
import { testAdminUrl } from "./test-database";
import { testDatabase } from "./test-fixture";
import { valueTallyTables } from "../value-tallies";

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

/** The last migration undone: a store as the version before value tallies left it. */
const dropValueTallies = valueTallyTables
  .map(
    ({ table, trigger }) =>
      `DROP TRIGGER ${trigger} ON events; DROP FUNCTION ${trigger}(); DROP TABLE ${table};`,
  )
  .join("\n");
/** The last two undone: a store as the version before hour tallies left it. */
const dropHourTallies = `${dropValueTallies}
  DROP TRIGGER events_hour_tally_insert ON events; DROP FUNCTION events_hour_tally_insert();
  DROP TABLE event_hour_tallies;`;

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
    // The store as the version before reason and client_ip left it (saved views and hour tallies came after them).
    await query(
      database.url,
      `${dropHourTallies}
       DROP TABLE saved_views;
       DROP INDEX events_org_reason, events_org_client_ip;
       ALTER TABLE events DROP COLUMN reason, DROP COLUMN client_ip;`,
    );
    await query(database.url, "UPDATE schema_version SET version = $1", [migrations.length - 4]);

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

  it("upgrades a store from before saved views in place: its events stay and views can be saved", async () => {
    const upgrading = await testDatabase(adminUrl ?? "");
    const now = () => fixtureNowMs;
    try {
      const world = demoWorld("hash", fixtureNowMs);
      const seeding = await openPostgresStore(upgrading.url, { now });
      await seeding.seed(world, demoEvents(world, 100, fixtureNowMs));
      const before = await listAll(seeding);
      await seeding.close();
      await query(upgrading.url, `${dropHourTallies} DROP TABLE saved_views;`);
      await query(upgrading.url, "UPDATE schema_version SET version = $1", [migrations.length - 3]);

      const store = await openPostgresStore(upgrading.url, { now });
      try {
        expect(await listAll(store)).toEqual(before);
        const owner = await store.findUserByUsername("admin@acme.test");
        if (!owner) throw new Error("no admin");
        const view = {
          ownerId: owner.id,
          organisationId: 2,
          path: "/orgs/2/failures",
          query: "",
          shared: false,
        };
        await store.createSavedView({ ...view, id: "a", name: "Failures", nowMs: fixtureNowMs });
        expect(await store.createSavedView({ ...view, id: "b", name: "Failures", nowMs: fixtureNowMs })).toBe(
          nameTaken,
        );
        expect((await store.listSavedViews(owner.id, [])).map((saved) => saved.name)).toEqual(["Failures"]);
      } finally {
        await store.close();
      }
      const version = await query(upgrading.url, "SELECT version FROM schema_version");
      expect(version.rows[0]?.version).toBe(migrations.length);
    } finally {
      await upgrading.drop();
    }
  });

  it("upgrades a store from before hour and value tallies in place: they count every event, and writes after", async () => {
    const upgrading = await testDatabase(adminUrl ?? "");
    const now = () => fixtureNowMs;
    try {
      const world = demoWorld("hash", fixtureNowMs);
      const seeding = await openPostgresStore(upgrading.url, { now });
      await seeding.seed(world, demoEvents(world, 500, fixtureNowMs));
      await seeding.close();
      await query(upgrading.url, dropHourTallies);
      await query(upgrading.url, "UPDATE schema_version SET version = $1", [migrations.length - 2]);

      const store = await openPostgresStore(upgrading.url, { now });
      try {
        const container = await store.findContainer([1], "c-0001");
        if (!container) throw new Error("no container");
        await logContainerEvent(store, container, 1, {
          event_type: "ACCESS",
          timestamp: new Date(fixtureNowMs - 5 * 3_600_000 - 60_000).toISOString(),
          status: "FAILURE",
        });
      } finally {
        await store.close();
      }
      const version = await query(upgrading.url, "SELECT version FROM schema_version");
      expect(version.rows[0]?.version).toBe(migrations.length);
      const tallied = await query(
        upgrading.url,
        "SELECT organisation_id, hour, type_id, status, sum(n)::int AS n FROM event_hour_tallies GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
      );
      const counted = await query(
        upgrading.url,
        "SELECT organisation_id, floor(timestamp / 3600000.0)::bigint AS hour, type_id, coalesce(status, '') AS status, count(*)::int AS n FROM events GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
      );
      expect(tallied.rows.length).toBeGreaterThan(100);
      expect(tallied.rows).toEqual(counted.rows);
      for (const { table, column } of valueTallyTables) {
        const byValue = await query(
          upgrading.url,
          `SELECT organisation_id, day, ${column}, severity_id, status, sum(n)::int AS n FROM ${table} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
        );
        const countedByValue = await query(
          upgrading.url,
          `SELECT organisation_id, floor(timestamp / 86400000.0)::bigint AS day, ${column}, severity_id, coalesce(status, '') AS status, count(*)::int AS n FROM events WHERE ${column} IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
        );
        expect(byValue.rows.length, table).toBeGreaterThan(10);
        expect(byValue.rows, table).toEqual(countedByValue.rows);
      }
    } finally {
      await upgrading.drop();
    }
  });
});
