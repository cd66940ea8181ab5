import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedDemoStore, type StoreFixture } from "../test-fixture";
import type { OpenedStore, StoreFactory } from "../test-store-factories";
import { openSqliteStore, type SqliteStoreOptions } from "./sqlite-store";

export function tempDbFile(): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "eventdesk-store-"));
  return {
    file: join(dir, "nested", "eventdesk.db"),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A SQLite store on a file of its own in a temporary folder; `file` is for tests that read it directly.
 * `options` choose where it reads (on the test's thread unless given).
 */
export function openSqliteTestStore(options: SqliteStoreOptions = {}): OpenedStore & { file: string } {
  const temp = tempDbFile();
  let store = openSqliteStore(temp.file, options);
  return {
    file: temp.file,
    get store() {
      return store;
    },
    connect: () => Promise.resolve(openSqliteStore(temp.file, options)),
    async reopen() {
      await store.close();
      store = openSqliteStore(temp.file, options);
      return store;
    },
    async remove() {
      await store.close();
      temp.remove();
    },
  };
}

export const sqliteStoreFactory: StoreFactory = {
  name: "SQLite",
  open: () => Promise.resolve(openSqliteTestStore()),
};

/** The same store as a server runs it: lists, counts and exports on two read threads. */
export const sqliteThreadsStoreFactory: StoreFactory = {
  name: "SQLite, reads on threads",
  open: () => Promise.resolve(openSqliteTestStore({ readThreads: 2 })),
};

/** A temporary SQLite store seeded with the demo world and `count` events, and the file it lives in. */
export async function seededSqliteStore(count = 6000): Promise<StoreFixture & { file: string }> {
  const opened = openSqliteTestStore();
  return Object.assign(await seedDemoStore(opened, count), { file: opened.file });
}
