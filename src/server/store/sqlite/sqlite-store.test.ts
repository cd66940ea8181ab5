import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { demoEvents } from "../../demo/demo-events";
import { demoWorld, noLoginHash } from "../../demo/demo-world";
import { migrations } from "./migrations";
import { openSqliteStore } from "./sqlite-store";
import { fixtureNowMs, tempDbFile } from "./test-fixture";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
function fresh() {
  const temp = tempDbFile();
  let store = openSqliteStore(temp.file);
  cleanups.push(() => {
    store.close();
    temp.remove();
  });
  return {
    file: temp.file,
    get store() {
      return store;
    },
    reopen() {
      store.close();
      store = openSqliteStore(temp.file);
      return store;
    },
  };
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

describe("seeding", () => {
  it("loads the world: organisations, users, catalogue", () => {
    const { store } = fresh();
    store.seed(
      demoWorld("the-hash", fixtureNowMs),
      demoEvents(demoWorld("the-hash", fixtureNowMs), 200, fixtureNowMs),
    );
    expect(store.organisations()).toEqual([
      { id: 1, name: "Acme Group", parent_id: null },
      { id: 2, name: "Acme Logistics", parent_id: 1 },
      { id: 3, name: "Acme Retail", parent_id: 1 },
      { id: 4, name: "Globex", parent_id: null },
    ]);
    expect(store.findUserByUsername("admin@acme.test")).toEqual({
      id: 1,
      username: "admin@acme.test",
      name: "Ada Lindqvist",
      role: "admin",
      organisationId: 1,
      passwordHash: "the-hash",
    });
    expect(store.findUserByUsername("SUPPORT@acme.TEST")?.role).toBe("support");
    expect(store.findUserById(3)?.username).toBe("admin@globex.test");
    expect(store.findUserById(4)?.passwordHash).toBe(noLoginHash);
    expect(store.findUserByUsername("nobody@acme.test")).toBeUndefined();
    const catalogue = store.eventTypes();
    expect(catalogue.sources).toEqual([
      { id: 0, description: "Network" },
      { id: 1, description: "Policy Control" },
      { id: 2, description: "API" },
    ]);
    expect(catalogue.severities.map((s) => s.description)).toEqual(["Info", "Warn", "Critical"]);
    expect(catalogue.event_types).toContainEqual({ id: 51, description: "SIM Assigned" });
    expect(catalogue.event_types).toContainEqual({ id: 103, description: "EXPIRE" });
    expect(store.countEvents({ orgIds: [1, 2, 3, 4] }, {})).toBe(200);
  });

  it("seeds only an empty store: a second seed writes nothing and says so", () => {
    const { store } = fresh();
    const world = demoWorld("hash", fixtureNowMs);
    expect(store.seed(world, [])).toBe(true);
    expect(store.seed(world, demoEvents(world, 5, fixtureNowMs))).toBe(false);
    expect(store.countEvents({ orgIds: [1, 2, 3, 4] }, {})).toBe(0);
  });

  it("is all or nothing: a bad event leaves the store empty", () => {
    const { store } = fresh();
    const world = demoWorld("hash", fixtureNowMs);
    const [good] = demoEvents(world, 1, fixtureNowMs);
    if (!good) throw new Error("no event");
    expect(() => {
      store.seed(world, [good, { ...good, endpointId: 9999 }]);
    }).toThrow(/endpoint 9999/);
    expect(store.isEmpty()).toBe(true);
    store.seed(world, [good]);
    expect(store.countEvents({ orgIds: [1, 2, 3, 4] }, {})).toBe(1);
  });
});

describe("tokens", () => {
  it("keeps one 32-byte signing secret across restarts", () => {
    const handle = fresh();
    const secret = handle.store.signingSecret();
    expect(secret).toBeInstanceOf(Uint8Array);
    expect(secret.length).toBe(32);
    expect(handle.store.signingSecret()).toEqual(secret);
    expect(handle.reopen().signingSecret()).toEqual(secret);
    expect(fresh().store.signingSecret()).not.toEqual(secret);
  });

  it("keeps sessions until they end or expire, across restarts", () => {
    const handle = fresh();
    const { store } = handle;
    store.seed(demoWorld(noLoginHash, fixtureNowMs), []);
    const now = fixtureNowMs;
    const userId = store.findUserByUsername("admin@acme.test")?.id ?? -1;
    expect(store.sessionUserId("a")).toBeUndefined();
    store.startSession({ id: "a", userId, expiresAtMs: now + 60_000 }, now);
    store.startSession({ id: "old", userId, expiresAtMs: now - 1 }, now - 60_000);
    store.startSession({ id: "b", userId, expiresAtMs: now + 60_000 }, now);
    expect(store.sessionUserId("a")).toBe(userId);
    expect(store.sessionUserId("old")).toBeUndefined();
    store.endSession("b");
    expect(store.sessionUserId("b")).toBeUndefined();
    expect(handle.reopen().sessionUserId("a")).toBe(userId);
  });
});
