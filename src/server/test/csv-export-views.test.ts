import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { containerEventViews } from "../../contract/api-paths";
import { containerListSchema, type Container } from "../../contract/container";
import { csvColumns, eventCsvValues, type CsvValue } from "../../contract/csv";
import type { Event } from "../../contract/event";
import { listAll, startTestServer } from "./server-fixture";

const server = await startTestServer();
afterAll(() => server.close());
const token = server.tokens.acme.auth_token;

const containers = containerListSchema.parse(
  (await server.get("/orgs/1/containers", { token, query: { per_page: 1000 } })).json,
);
const container = containers.find((c) => c.organisation.id === 1) as Container;

/** Every table view of the dashboard for organisation 1. */
const views = [
  "/orgs/1/events",
  ...containerEventViews.map((view) => `/orgs/1/container_events/${view}`),
  `/orgs/1/containers/${encodeURIComponent(container.id)}/events`,
];

/** Filters and sorts a user can set from the table: several fields, both directions, nullable columns. */
const queries: Record<string, string>[] = [
  {},
  { sort: "timestamp" },
  { q: "status:FAILURE", sort: "-severity,id" },
  { q: "severity:2,severity:3", sort: "user,-timestamp" },
  { q: "alert:true", sort: "ip_address,-id" },
  { q: "from:2000-01-01T00:00:00Z,until:2099-12-31T23:59:59Z", sort: "type,source,-id" },
];

/** The cell the JSON row must become: formulas neutralised (OWASP), nulls empty, booleans as words. */
function cellOf(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
  return String(value);
}
const recordOf = (event: Event) => eventCsvValues(event).map(cellOf);

describe.each(views)("%s", (path) => {
  it.each(queries)("CSV rows equal the JSON rows of every page for %o", async (query) => {
    const json = await listAll(server, token, path, query);
    const reply = await server.get(path, { token, query, headers: { accept: "text/csv" } });
    expect(reply.status, reply.text.slice(0, 300)).toBe(200);
    expect(reply.headers.get("x-total-count")).toBe(String(json.total));
    const records: string[][] = parse(reply.text);
    const [header, ...rows] = records;
    expect(header).toEqual([...csvColumns]);
    expect(rows.length).toBe(json.total);
    expect(rows.map((row) => Number(row[0]))).toEqual(json.rows.map((event) => event.id));
    expect(rows).toEqual(json.rows.map(recordOf));
  });
});

it("the combinations are not hollow: most views hold rows and the filters change them", async () => {
  const totals = await Promise.all(
    views.flatMap((path) => queries.map(async (query) => (await listAll(server, token, path, query)).total)),
  );
  expect(totals.filter((total) => total > 0).length).toBeGreaterThan(totals.length / 2);
  expect(new Set(totals).size).toBeGreaterThan(views.length);
});
