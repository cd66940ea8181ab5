import { existsSync, statSync } from "node:fs";
import { demoEndMs, seedDemo } from "../src/server/demo/seed-demo";
import { openTarget, withPostgres, type StoreTarget } from "./store-target";

export type SeedResult = { seconds: number | undefined; events: number; reused: boolean };

/** Fills the target with the demo world and `events` generated events, unless it already holds a world. */
export async function seedStore(target: StoreTarget, events: number, password: string): Promise<SeedResult> {
  const store = await openTarget(target);
  try {
    if (!(await store.isEmpty())) return { seconds: undefined, events, reused: true };
    const start = performance.now();
    await seedDemo(store, { events, password, nowMs: demoEndMs(Date.now()) });
    return { seconds: (performance.now() - start) / 1000, events, reused: false };
  } finally {
    await store.close();
  }
}

/** On PostgreSQL `db` is the whole database (`pg_database_size`: tables, indexes, TOAST; not the WAL). */
export type StoreSize = { db: number; wal: number; shm: number; total: number };

/** The database file and its write-ahead log and shared-memory index, in bytes. */
export async function storeSize(target: StoreTarget): Promise<StoreSize> {
  if (target.kind === "postgres") {
    const db = await withPostgres(target.url, async (client) => {
      const answer = await client.query<{ n: string }>("SELECT pg_database_size(current_database()) AS n");
      return Number(answer.rows[0]?.n ?? NaN);
    });
    return { db, wal: 0, shm: 0, total: db };
  }
  const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
  const db = size(target.file);
  const wal = size(`${target.file}-wal`);
  const shm = size(`${target.file}-shm`);
  return { db, wal, shm, total: db + wal + shm };
}
