// `npx tsx bench/explain-paths.ts --db FILE PATH…` (or `--database-url postgres://… PATH…`): every statement
// one request of each organisation-events PATH (as the API takes it, e.g. "/api/v1/orgs/1/events?q=severity:2")
// runs on the store, with its time and its plan (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN (ANALYZE,
// BUFFERS)); on SQLite the first request of a filter counts it anew. For the misses bench/README.md explains.
import { parseArgs } from "node:util";
import { explainEntries } from "./explain-slow";
import type { ListQuery, MatrixEntry } from "./matrix";
import { countForgetter } from "./measure-store";
import { queryPlans } from "./report";
import { openTarget, type StoreTarget } from "./store-target";

const { values, positionals } = parseArgs({
  options: { db: { type: "string" }, "database-url": { type: "string" } },
  allowPositionals: true,
});
const databaseUrl = values["database-url"];
const target: StoreTarget | undefined =
  databaseUrl !== undefined
    ? { kind: "postgres", url: databaseUrl }
    : values.db !== undefined
      ? { kind: "sqlite", file: values.db }
      : undefined;
if (target === undefined || positionals.length === 0) {
  throw new Error(
    "Usage: npx tsx bench/explain-paths.ts (--db FILE | --database-url postgres://…) /api/v1/orgs/1/events?q=… …",
  );
}

const entries = positionals.map((path): MatrixEntry & { path: string } => {
  const url = new URL(path, "http://bench.invalid");
  const orgId = /^\/api\/v1\/orgs\/(\d+)\/events$/.exec(url.pathname)?.[1];
  if (orgId === undefined) throw new Error(`${path}: only /api/v1/orgs/<id>/events paths are explained`);
  const query: ListQuery = Object.fromEntries(
    [...url.searchParams].map(([name, value]) => [
      name,
      name === "page" || name === "per_page" ? Number(value) : value,
    ]),
  );
  return { name: path, group: "explain", orgId: Number(orgId), query, path };
});

// PostgreSQL keeps no count cache in the store, so nothing is written to it there.
const store = await openTarget(target);
const writer = target.kind === "sqlite" ? await openTarget(target) : undefined;
try {
  const forget = writer ? countForgetter(writer) : () => Promise.resolve();
  console.log(queryPlans(await explainEntries(target, store, entries, forget)));
} finally {
  await store.close();
  await writer?.close();
}
