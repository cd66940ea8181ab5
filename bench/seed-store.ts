import { existsSync, statSync } from "node:fs";
import { demoEndMs, seedDemo } from "../src/server/demo/seed-demo";
import { openSqliteStore } from "../src/server/store/sqlite/sqlite-store";

export type SeedResult = { seconds: number | undefined; events: number; reused: boolean };

/** Fills `file` with the demo world and `events` generated events, unless it already holds a world. */
export async function seedStore(file: string, events: number, password: string): Promise<SeedResult> {
  const store = openSqliteStore(file);
  try {
    if (!(await store.isEmpty())) return { seconds: undefined, events, reused: true };
    const start = performance.now();
    await seedDemo(store, { events, password, nowMs: demoEndMs(Date.now()) });
    return { seconds: (performance.now() - start) / 1000, events, reused: false };
  } finally {
    await store.close();
  }
}

export type StoreSize = { db: number; wal: number; shm: number; total: number };

/** The database file and its write-ahead log and shared-memory index, in bytes. */
export function storeSize(file: string): StoreSize {
  const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
  const db = size(file);
  const wal = size(`${file}-wal`);
  const shm = size(`${file}-shm`);
  return { db, wal, shm, total: db + wal + shm };
}
