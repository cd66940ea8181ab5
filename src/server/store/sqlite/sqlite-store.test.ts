import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { demoWorld } from "../../demo/demo-world";
import { fixtureNowMs } from "../test-fixture";
import { migrations } from "./migrations";
import { openSqliteStore } from "./sqlite-store";
import { openSqliteTestStore, tempDbFile } from "./test-fixture";

// Seeding and accounts are tested for every backend (../seeding.test.ts, ../account-store.test.ts); this is
// SQLite's own: the file, its settings and its schema version.
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
function fresh() {
  const opened = openSqliteTestStore();
  cleanups.push(() => {
    opened.remove();
  });
  return opened;
}

describe("opening", () => {
  it("creates the folder and the schema, with durable settings", () => {
    const { file, store } = fresh();
    expect(existsSync(file)).toBe(true);
    expect(store.isEmpty()).toBe(true);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma("user_version", { simple: true })).toBe(migrations.length);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      db.close();
    }
  });

  it("reopens an existing file without migrating again", () => {
    const handle = fresh();
    handle.store.seed(demoWorld("hash", fixtureNowMs), []);
    const store = handle.reopen();
    expect(store.isEmpty()).toBe(false);
    expect(store.organisations()).toHaveLength(4);
  });

  it("refuses a file from a newer EventDesk", () => {
    const temp = tempDbFile();
    cleanups.push(() => {
      temp.remove();
    });
    openSqliteStore(temp.file).close();
    const db = new Database(temp.file);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => openSqliteStore(temp.file)).toThrow(/schema version/);
  });
});
