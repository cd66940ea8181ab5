// `npx tsx bench/explain-paths.ts --db FILE PATH…`: every statement one request of each organisation-events
// PATH (as the API takes it, e.g. "/api/v1/orgs/1/events?q=severity:2") runs on the store FILE, with its time
// and EXPLAIN QUERY PLAN; the first request of a filter counts it anew. For the misses bench/README.md
// explains.
import { parseArgs } from "node:util";
import { openSqliteStore } from "../src/server/store/sqlite/sqlite-store";
import { explainEntries } from "./explain-slow";
import type { ListQuery, MatrixEntry } from "./matrix";
import { countForgetter } from "./measure-sqlite";
import { queryPlans } from "./report";

const { values, positionals } = parseArgs({ options: { db: { type: "string" } }, allowPositionals: true });
if (values.db === undefined || positionals.length === 0) {
  throw new Error("Usage: npx tsx bench/explain-paths.ts --db FILE /api/v1/orgs/1/events?q=… …");
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

const store = openSqliteStore(values.db);
const writer = openSqliteStore(values.db);
try {
  console.log(queryPlans(await explainEntries(values.db, store, entries, countForgetter(writer))));
} finally {
  await store.close();
  await writer.close();
}
