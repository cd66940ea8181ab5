import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { containerEventViews } from "../../contract/api-paths";
import { containerListSchema, type Container } from "../../contract/container";
import { csvColumns, eventCsvValues, type CsvValue } from "../../contract/csv";
import type { Event } from "../../contract/event";
import { expectError, listAll, startTestServer, type Reply } from "./server-fixture";

const server = await startTestServer();
afterAll(() => server.close());
const token = server.tokens.acme.auth_token;

const containers = containerListSchema.parse(
  (await server.get("/orgs/1/containers", { token, query: { per_page: 1000 } })).json,
);
const target = containers.find((c) => c.organisation.id === 1) as Container;

const csvAccept = { accept: "text/csv" };
const exportOf = (path: string, query: Record<string, string | number> = {}) =>
  server.get(path, { token, query, headers: csvAccept });

function records(reply: Reply): string[][] {
  return parse(reply.text, { bom: true });
}

/** A cell as the export must write it: formulas neutralised, nulls empty, booleans as words. */
function cellOf(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
  return String(value);
}
const expectedRecord = (event: Event) => eventCsvValues(event).map(cellOf);

function expectCsvHeaders(reply: Reply): void {
  expect(reply.status, reply.text.slice(0, 300)).toBe(200);
  expect(reply.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(reply.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"/\\]+\.csv"$/);
}

/** Every list endpoint for org 1. */
const paths = [
  "/organisation/1/event",
  "/organisation/my/event",
  "/orgs/1/events",
  ...containerEventViews.map((view) => `/orgs/1/container_events/${view}`),
  `/orgs/1/containers/${encodeURIComponent(target.id)}/events`,
];

describe("CSV exports", () => {
  it.each(paths)("%s: every row, header first, same order and values as JSON", async (path) => {
    const query = { sort: "-severity,timestamp" };
    const json = await listAll(server, token, path, query);
    const reply = await exportOf(path, query);
    expectCsvHeaders(reply);
    const [header, ...rows] = records(reply);
    expect(header).toEqual([...csvColumns]);
    expect(Number(reply.headers.get("x-total-count"))).toBe(json.total);
    expect(rows.length).toBe(json.total);
    expect(rows).toEqual(json.rows.map(expectedRecord));
  });

  it("applies q and sort; ignores page and per_page", async () => {
    const query = { q: "status:FAILURE,severity:1,severity:2", sort: "user,-id" };
    const json = await listAll(server, token, "/orgs/1/events", query);
    expect(json.total).toBeGreaterThan(5);
    const reply = await exportOf("/orgs/1/events", { ...query, page: 3, per_page: 2 });
    expectCsvHeaders(reply);
    expect(reply.headers.get("x-total-count")).toBe(String(json.total));
    expect(records(reply).slice(1)).toEqual(json.rows.map(expectedRecord));
  });

  it("the default order is -timestamp like JSON", async () => {
    const json = await listAll(server, token, "/orgs/2/events");
    const reply = await exportOf("/orgs/2/events");
    expect(
      records(reply)
        .slice(1)
        .map((r) => Number(r[0])),
    ).toEqual(json.rows.map((e) => e.id));
  });

  it("an empty selection is the header row alone", async () => {
    const reply = await exportOf("/orgs/1/events", { q: "type:424242" });
    expectCsvHeaders(reply);
    expect(reply.headers.get("x-total-count")).toBe("0");
    expect(records(reply)).toEqual([[...csvColumns]]);
  });

  it("bad parameters answer a JSON 400, not a CSV", async () => {
    expectError(await exportOf("/orgs/1/events", { q: "severity:x" }), 400, "q");
    expectError(await exportOf("/orgs/1/events", { sort: "nope" }), 400, "sort");
    expectError(await exportOf("/orgs/1/events", { per_page: 0 }), 400, "per_page");
  });

  it("honours q-values in Accept", async () => {
    const csv = await server.get("/orgs/1/events", {
      token,
      headers: { accept: "application/json;q=0.5, text/csv" },
      query: { per_page: 1 },
    });
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const json = await server.get("/orgs/1/events", {
      token,
      headers: { accept: "text/csv;q=0.1, application/json" },
      query: { per_page: 1 },
    });
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("an Accept the lists cannot answer is a 406", async () => {
    expectError(await server.get("/orgs/1/events", { token, headers: { accept: "application/xml" } }), 406);
    expectError(await server.get("/organisation/my/event", { token, headers: { accept: "image/png" } }), 406);
  });
});

describe("CSV injection", () => {
  const hostile = [
    "=1+1",
    "@SUM(A1)",
    "-2+3",
    "+cmd|' /C calc'!A0",
    "\tTAB",
    "\rCR first",
    "\nLF first",
    '=HYPERLINK("http://evil.test","click")',
    'quote " inside',
    "comma, inside",
    "line\nbreak",
    "crlf\r\ninside",
    "plain text",
  ];

  it("neutralises formulas and quotes what needs quoting", async () => {
    const ids: number[] = [];
    for (const description of hostile) {
      const reply = await server.request(
        "POST",
        `/orgs/1/containers/${encodeURIComponent(target.id)}/events`,
        {
          token,
          body: { event_type: "ACCESS", timestamp: new Date().toISOString(), status: "SUCCESS", description },
        },
      );
      expect(reply.status, reply.text).toBe(201);
      ids.push((reply.json as { id: number }).id);
    }
    const reply = await exportOf(`/orgs/1/containers/${encodeURIComponent(target.id)}/events`, {
      sort: "-id",
    });
    expectCsvHeaders(reply);
    const byId = new Map(
      records(reply)
        .slice(1)
        .map((r) => [Number(r[0]), r]),
    );
    const descriptionAt = csvColumns.indexOf("description");
    hostile.forEach((description, i) => {
      const cell = byId.get(ids[i] as number)?.[descriptionAt];
      expect(cell, JSON.stringify(description)).toBe(cellOf(description));
    });
    expect(reply.text).toContain("'=1+1");
    expect(reply.text).toContain("'@SUM(A1)");
    expect(reply.text).toContain("'-2+3");
    expect(reply.text).not.toMatch(/(^|,)=1\+1/m);
    expect(reply.text).toContain('"quote "" inside"');
  });
});
