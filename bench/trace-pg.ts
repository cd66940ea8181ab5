import pg from "pg";
import type { TracedStatement } from "./trace-sql";

type PoolQuery = (this: pg.Pool, text: unknown, values?: unknown, ...rest: unknown[]) => unknown;

/**
 * Runs `work` and answers every `pool.query(text, values)` (or `pool.query({ text, values })`) it made on any node-postgres pool of this process,
 * with its parameters and time: the PostgreSQL counterpart of `traceStatements` (trace-sql.ts). It shadows
 * `Pool.prototype.query` for the duration of the call, so the store need not expose its SQL.
 */
export async function traceQueries(work: () => Promise<void>): Promise<TracedStatement[]> {
  const prototype = pg.Pool.prototype as unknown as { query: PoolQuery };
  const own = Object.hasOwn(prototype, "query");
  const original = prototype.query;
  const traced: TracedStatement[] = [];
  prototype.query = function (this: pg.Pool, text, values, ...rest) {
    const start = performance.now();
    const result = original.call(this, text, values, ...rest);
    // The store sends its event statements as `{ name, text, values }` (compile-event-query.ts).
    const config =
      typeof text === "object" && text !== null ? (text as { text?: unknown; values?: unknown }) : {};
    const sql = typeof text === "string" ? text : config.text;
    if (typeof sql === "string" && result instanceof Promise) {
      const given = typeof text === "string" ? values : config.values;
      const params = Array.isArray(given) ? (given as unknown[]) : [];
      result.then(
        () => traced.push({ sql, params, ms: performance.now() - start }),
        () => undefined,
      );
    }
    return result;
  };
  try {
    await work();
  } finally {
    if (own) prototype.query = original;
    else Reflect.deleteProperty(prototype, "query");
  }
  return traced;
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of a traced SELECT: the statement runs again, with its plan's real row counts. */
export async function explainAnalyze(client: pg.Client, statement: TracedStatement): Promise<string> {
  if (!/^\s*(SELECT|WITH)\b/i.test(statement.sql)) return "";
  const answer = await client.query<{ "QUERY PLAN": string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`,
    statement.params,
  );
  return answer.rows.map((row) => row["QUERY PLAN"]).join("\n");
}
