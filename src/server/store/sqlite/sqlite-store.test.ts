import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { demoEvents } from "../../demo/demo-events";
import { demoWorld } from "../../demo/demo-world";
import { fixtureNowMs } from "../test-fixture";
import type { OpenedStore } from "../test-store-factories";
import { migrations } from "./migrations";
import { openSqliteStore } from "./sqlite-store";
import { openSqliteTestStore, tempDbFile } from "./test-fixture";

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
});
