import Database from "better-sqlite3";

export type TracedStatement = { sql: string; params: unknown[]; ms: number };

type Method = (this: { source: string }, ...args: unknown[]) => unknown;
const tracedMethods = ["all", "get", "run"] as const;

/**
 * Runs `work` and answers every statement it executed on any connection of this thread, with its parameters
 * and time (so the store must read on this thread: `readThreads` 0). Bench-only instrumentation: it wraps
 * better-sqlite3's Statement methods for the duration of the call, so the store's SQL can be explained
 * without the store exposing it.
 */
export async function traceStatements(work: () => Promise<void>): Promise<TracedStatement[]> {
  const probe = new Database(":memory:");
  const prototype = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, Method>;
  probe.close();
  const traced: TracedStatement[] = [];
  const originals = tracedMethods.map((name) => [name, prototype[name]] as const);
  for (const [name, original] of originals) {
    if (!original) continue;
    prototype[name] = function (this: { source: string }, ...args: unknown[]) {
      const start = performance.now();
      const result = original.apply(this, args);
      traced.push({ sql: this.source, params: args, ms: performance.now() - start });
      return result;
    };
  }
  try {
    await work();
  } finally {
    for (const [name, original] of originals) if (original) prototype[name] = original;
  }
  return traced;
}

type PlanRow = { id: number; parent: number; detail: string };

/** EXPLAIN QUERY PLAN as the sqlite3 shell draws it: one line per step, indented under its parent. */
export function explainQueryPlan(db: Database.Database, statement: TracedStatement): string {
  if (!/^\s*(SELECT|WITH)\b/i.test(statement.sql)) return "";
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as PlanRow[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows
    .map((row) => {
      const level = (depth.get(row.parent) ?? -1) + 1;
      depth.set(row.id, level);
      return `${"  ".repeat(level)}${row.detail}`;
    })
    .join("\n");
}
