import type Database from "better-sqlite3";
import type { ChangeVersion } from "./change-version";

const maxEntries = 2000;

/** Matching rows per organisation id. */
export type CountByOrgId = ReadonlyMap<number, number>;

/** How to count one query: all of it, or only the events after an id. */
export type Counter = { all: () => CountByOrgId; after: (id: number) => CountByOrgId };

type Entry = { counts: CountByOrgId; maxId: number; version: string };

/**
 * Counts (per organisation) by the exact query (SQL and parameters), so `x-total-count` does not rescan the
 * table on every page. Events are only ever appended, with rising ids, so a count stays right for the events
 * up to the largest id it saw: after a write (the store's change version moves) a cached count is brought up
 * to date by counting only the newer events, which takes a B-tree seek and the few rows written since, not a
 * rescan.
 */
export class CountCache {
  private readonly counts = new Map<string, Entry>();
  private readonly maxIdStatement: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly changes: ChangeVersion,
  ) {
    this.maxIdStatement = db.prepare("SELECT coalesce(max(id), 0) FROM events").pluck();
  }

  get(key: string, counter: Counter): CountByOrgId {
    return this.snapshot(key, counter).counts;
  }

  /** The counts and the largest event id they include: the same snapshot (an export reads up to that id). */
  snapshot(key: string, counter: Counter): { counts: CountByOrgId; maxId: number } {
    const version = this.changes.current();
    const cached = this.counts.get(key);
    if (cached?.version === version) return cached;
    const read = (): Entry => {
      const maxId = this.maxId();
      if (!cached || cached.maxId > maxId) return { counts: counter.all(), maxId, version };
      if (cached.maxId === maxId) return { ...cached, version };
      return { counts: add(cached.counts, counter.after(cached.maxId)), maxId, version };
    };
    // One read transaction, so the count and the largest id describe the same snapshot. An in-memory
    // database has no other writer.
    const entry = this.db.memory ? read() : this.db.transaction(read)();
    if (!cached && this.counts.size >= maxEntries) this.counts.clear();
    this.counts.set(key, entry);
    return entry;
  }

  /** After the events were replaced wholesale (a seed): no cached count holds. */
  clear(): void {
    this.counts.clear();
  }

  private maxId(): number {
    return this.maxIdStatement.get() as number;
  }
}

function add(base: CountByOrgId, more: CountByOrgId): CountByOrgId {
  const sum = new Map(base);
  for (const [orgId, count] of more) sum.set(orgId, (sum.get(orgId) ?? 0) + count);
  return sum;
}
