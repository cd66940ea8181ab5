import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { demoEvents } from "../../demo/demo-events";
import { demoWorld } from "../../demo/demo-world";
import { fixtureNowMs, listAll, logContainerEvent } from "../test-fixture";
import { nameTaken } from "../saved-view-store";
import type { OpenedStore } from "../test-store-factories";
import { migrations } from "./migrations";
import { openSqliteStore } from "./sqlite-store";
import { openSqliteTestStore, tempDbFile } from "./test-fixture";
import { valueTallyTables } from "../value-tallies";

// Seeding and accounts are tested for every backend (../seeding.test.ts, ../account-store.test.ts); this is
// SQLite's own: the file, its settings and its schema version.
const opened: OpenedStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.remove()));
});
function fresh() {
  const store = openSqliteTestStore();
  opened.push(store);
  return store;
}

/** The last migration undone: a store as the version before value tallies left it. */
const dropValueTallies = valueTallyTables
  .map(({ table, trigger }) => `DROP TRIGGER ${trigger}; DROP TABLE ${table};`)
  .join(" ");
/** The last two undone: a store as the version before hour tallies left it. */
const dropHourTallies = `${dropValueTallies} DROP TRIGGER events_hour_tally_insert; DROP TABLE event_hour_tallies;`;

describe("opening", () => {
  it("creates the folder and the schema, with durable settings", async () => {
    const { file, store } = fresh();
    expect(existsSync(file)).toBe(true);
    expect(await store.isEmpty()).toBe(true);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma("user_version", { simple: true })).toBe(migrations.length);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      db.close();
    }
  });

  it("keeps the trigram index from merging its segments inside inserts, after a seed too", async () => {
    const { file, store } = fresh();
    await store.seed(
      demoWorld("hash", fixtureNowMs),
      demoEvents(demoWorld("hash", fixtureNowMs), 500, fixtureNowMs),
    );
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare("SELECT v FROM events_fts_config WHERE k = 'automerge'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it("reopens an existing file without migrating again", async () => {
    const handle = fresh();
    await handle.store.seed(demoWorld("hash", fixtureNowMs), []);
    const store = await handle.reopen();
    expect(await store.isEmpty()).toBe(false);
    expect(await store.organisations()).toHaveLength(4);
  });

  it("refuses a file from a newer EventDesk", async () => {
    const temp = tempDbFile();
    try {
      await openSqliteStore(temp.file).close();
      const db = new Database(temp.file);
      db.pragma(`user_version = ${migrations.length + 1}`);
      db.close();
      expect(() => openSqliteStore(temp.file)).toThrow(/schema version/);
    } finally {
      temp.remove();
    }
  });

  it("upgrades a store from before reason and client_ip in place: its events stay and read both as null", async () => {
    const temp = tempDbFile();
    try {
      const world = demoWorld("hash", fixtureNowMs);
      const seeding = openSqliteStore(temp.file);
      await seeding.seed(world, demoEvents(world, 300, fixtureNowMs));
      const before = await listAll(seeding);
      await seeding.close();
      // The store as the version before reason and client_ip left it (saved views and hour tallies came after them).
      const db = new Database(temp.file);
      db.exec(`
        ${dropHourTallies}
        DROP TABLE saved_views;
        DROP INDEX events_org_reason;
        DROP INDEX events_org_client_ip;
        ALTER TABLE events DROP COLUMN reason;
        ALTER TABLE events DROP COLUMN client_ip;
      `);
      db.pragma(`user_version = ${migrations.length - 4}`);
      db.close();

      const store = openSqliteStore(temp.file);
      try {
        expect(await listAll(store)).toEqual(before.map((e) => ({ ...e, reason: null, client_ip: null })));
        const container = await store.findContainer([1], "c-0001");
        if (!container) throw new Error("no container");
        const id = await logContainerEvent(store, container, 1, {
          event_type: "ACCESS",
          timestamp: "2026-11-18T11:00:00Z",
          status: "FAILURE",
          reason: "geo_blocked",
          client_ip: "192.0.2.5",
        });
        const found = await store.listEvents(
          { orgIds: [1] },
          { reason: ["geo_blocked"] },
          [{ field: "timestamp", desc: true }],
          { page: 1, perPage: 10 },
        );
        expect(found.rows.map((e) => [e.id, e.client_ip])).toEqual([[id, "192.0.2.5"]]);
      } finally {
        await store.close();
      }
      const upgraded = new Database(temp.file, { readonly: true });
      try {
        expect(upgraded.pragma("user_version", { simple: true })).toBe(migrations.length);
        const indexes = upgraded
          .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'events_org_%' ORDER BY 1",
          )
          .pluck()
          .all();
        expect(indexes).toEqual(expect.arrayContaining(["events_org_client_ip", "events_org_reason"]));
      } finally {
        upgraded.close();
      }
    } finally {
      temp.remove();
    }
  });

  it("upgrades a store from before saved views in place: its events stay and views can be saved", async () => {
    const temp = tempDbFile();
    try {
      const world = demoWorld("hash", fixtureNowMs);
      const seeding = openSqliteStore(temp.file);
      await seeding.seed(world, demoEvents(world, 100, fixtureNowMs));
      const before = await listAll(seeding);
      await seeding.close();
      const db = new Database(temp.file);
      db.exec(`${dropHourTallies} DROP TABLE saved_views;`);
      db.pragma(`user_version = ${migrations.length - 3}`);
      db.close();

      const store = openSqliteStore(temp.file);
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
      const upgraded = new Database(temp.file, { readonly: true });
      try {
        expect(upgraded.pragma("user_version", { simple: true })).toBe(migrations.length);
      } finally {
        upgraded.close();
      }
    } finally {
      temp.remove();
    }
  });

  it("upgrades a store from before hour and value tallies in place: they count every event, and writes after", async () => {
    const temp = tempDbFile();
    try {
      const world = demoWorld("hash", fixtureNowMs);
      const seeding = openSqliteStore(temp.file);
      await seeding.seed(world, demoEvents(world, 500, fixtureNowMs));
      await seeding.close();
      const db = new Database(temp.file);
      db.exec(dropHourTallies);
      db.pragma(`user_version = ${migrations.length - 2}`);
      db.close();

      const store = openSqliteStore(temp.file);
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
      const upgraded = new Database(temp.file, { readonly: true });
      try {
        expect(upgraded.pragma("user_version", { simple: true })).toBe(migrations.length);
        const byHour = (sql: string) => upgraded.prepare(sql).raw(true).all();
        const tallied = byHour(
          "SELECT organisation_id, hour, type_id, status, sum(n) FROM event_hour_tallies GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
        );
        expect(tallied.length).toBeGreaterThan(100);
        expect(tallied).toEqual(
          byHour(
            "SELECT organisation_id, timestamp / 3600000, type_id, coalesce(status, ''), count(*) FROM events GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
          ),
        );
        for (const { table, column } of valueTallyTables) {
          const byValue = byHour(
            `SELECT organisation_id, day, ${column}, severity_id, status, sum(n) FROM ${table} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
          );
          expect(byValue.length, table).toBeGreaterThan(10);
          expect(byValue, table).toEqual(
            byHour(
              `SELECT organisation_id, timestamp / 86400000, ${column}, severity_id, coalesce(status, ''), count(*) FROM events WHERE ${column} IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
            ),
          );
        }
      } finally {
        upgraded.close();
      }
    } finally {
      temp.remove();
    }
  });
});
