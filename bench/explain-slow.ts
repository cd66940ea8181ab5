import Database from "better-sqlite3";
import type { EventStore } from "../src/server/store/event-store";
import type { MatrixEntry } from "./matrix";
import { listOnce } from "./measure-sqlite";
import { explainQueryPlan, traceStatements } from "./trace-sql";

/** Lookups (names to ids) faster than this are left out; every statement on `events` is kept. */
const minLookupMs = 0.2;

export type ExplainedStatement = { sql: string; params: unknown[]; ms: number; plan: string };
export type ExplainedEntry = { name: string; path: string; statements: ExplainedStatement[] };

/**
 * For each entry: one `listEvents` with the count cache emptied first, every statement it ran with its
 * time and EXPLAIN QUERY PLAN (from a read-only connection of its own).
 */
export async function explainEntries(
  file: string,
  store: EventStore,
  entries: readonly (MatrixEntry & { path: string })[],
  forgetCounts: () => Promise<void>,
): Promise<ExplainedEntry[]> {
  const db = new Database(file, { readonly: true });
  try {
    const explained: ExplainedEntry[] = [];
    for (const entry of entries) {
      await forgetCounts();
      const traced = await traceStatements(async () => {
        await listOnce(store, entry);
      });
      const statements = traced.filter(
        (statement) => /\bevents\b/.test(statement.sql) || statement.ms >= minLookupMs,
      );
      explained.push({
        name: entry.name,
        path: entry.path,
        statements: statements.map((statement) => ({ ...statement, plan: explainQueryPlan(db, statement) })),
      });
    }
    return explained;
  } finally {
    db.close();
  }
}
