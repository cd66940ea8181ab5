import Database from "better-sqlite3";
import type { EventStore } from "../src/server/store/event-store";
import type { MatrixEntry } from "./matrix";
import { listOnce } from "./measure-store";
import { withPostgres, type StoreTarget } from "./store-target";
import { explainAnalyze, traceQueries } from "./trace-pg";
import { explainQueryPlan, traceStatements, type TracedStatement } from "./trace-sql";

/** Lookups (names to ids) faster than this are left out; every statement on `events` is kept. */
const minLookupMs = 0.2;

export type ExplainedStatement = { sql: string; params: unknown[]; ms: number; plan: string };
export type ExplainedEntry = { name: string; path: string; statements: ExplainedStatement[] };

type Explainer = {
  trace: (work: () => Promise<void>) => Promise<TracedStatement[]>;
  plan: (statement: TracedStatement) => Promise<string>;
};

/**
 * For each entry: one `listEvents` with the count cache emptied first, every statement it ran with its
 * time and its plan, from a connection of its own: EXPLAIN QUERY PLAN on SQLite (read-only), EXPLAIN
 * (ANALYZE, BUFFERS) on PostgreSQL (which runs the statement again).
 */
export async function explainEntries(
  target: StoreTarget,
  store: EventStore,
  entries: readonly (MatrixEntry & { path: string })[],
  forgetCounts: () => Promise<void>,
): Promise<ExplainedEntry[]> {
  const explain = (explainer: Explainer) => explainWith(explainer, store, entries, forgetCounts);
  if (target.kind === "postgres") {
    return withPostgres(target.url, (client) =>
      explain({ trace: traceQueries, plan: (statement) => explainAnalyze(client, statement) }),
    );
  }
  const db = new Database(target.file, { readonly: true });
  try {
    return await explain({
      trace: traceStatements,
      plan: (statement) => Promise.resolve(explainQueryPlan(db, statement)),
    });
  } finally {
    db.close();
  }
}

async function explainWith(
  explainer: Explainer,
  store: EventStore,
  entries: readonly (MatrixEntry & { path: string })[],
  forgetCounts: () => Promise<void>,
): Promise<ExplainedEntry[]> {
  const explained: ExplainedEntry[] = [];
  for (const entry of entries) {
    await forgetCounts();
    const traced = await explainer.trace(async () => {
      await listOnce(store, entry);
    });
    const statements = traced.filter(
      (statement) => /\bevents\b/.test(statement.sql) || statement.ms >= minLookupMs,
    );
    const planned: ExplainedStatement[] = [];
    for (const statement of statements) planned.push({ ...statement, plan: await explainer.plan(statement) });
    explained.push({ name: entry.name, path: entry.path, statements: planned });
  }
  return explained;
}
