import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { eventSortFields } from "../../../contract/sort-fields";
import { compileEventExportChunk, compileEventExportIds } from "./compile-event-export";
import {
  compileEventCount,
  compileEventHistogram,
  compileEventCountAfter,
  compileEventPage,
  type EventQuery,
} from "./compile-event-query";
import { descriptionMatch, eventConditions } from "./event-conditions";
import { orderKeys } from "./event-sort-keys";
import { seededSqliteStore } from "./test-fixture";

const probe = "x'); DROP TABLE events; --";
const query: EventQuery = {
  orgs: [
    { id: 1, rank: 1 },
    { id: 2, rank: 2 },
  ],
  conditions: eventConditions(
    { orgIds: [1, 2], containerType: "ACCESS", failuresOnly: true, containerId: probe },
    {
      range: { from: 1, until: 2 },
      days: [{ from: 3, until: 4 }],
      typeIds: [6],
      sourceIds: [1],
      severityIds: [2],
      alerts: [1],
      statuses: ["FAILURE"],
      descriptions: [probe],
      userIds: [7],
      endpointRanks: [3],
      tagsRanks: [4],
      ipRanks: [5],
      imei: { endpointIds: [8], endpointRanks: [9] },
      iccidRanks: [10],
      imsiRanks: [11],
      containerIds: [probe],
      reasons: [probe],
      clientIps: [probe],
    },
  ),
  match: descriptionMatch({ descriptions: [probe] }, () => 0),
  sort: [
    { field: "organisation", desc: false },
    { field: "endpoint", desc: false },
  ],
};

it("binds every value: the SQL text never carries one", () => {
  for (const { sql, params } of [
    compileEventCount(query),
    compileEventPage(
      query,
      { kind: "walk", index: "events_org_endpoint_asc" },
      { limit: 50, offset: 0, fromEnd: false },
    ),
    compileEventPage(query, { kind: "filter" }, { limit: 50, offset: 0, fromEnd: true }),
    compileEventCountAfter(query, 10),
    compileEventExportChunk(
      query,
      { kind: "walk", index: "rowid" },
      {
        upToId: 99,
        step: [
          { expr: "e.endpoint_rank", op: "=", value: probe },
          { expr: "e.id", op: "<", value: probe },
        ],
        limit: 10,
      },
    ) ?? { sql: "", params: [] },
    compileEventExportIds(query, { kind: "filter" }, 99),
  ]) {
    expect(sql).not.toContain("DROP");
    expect(sql).not.toContain("'FAILURE'");
    expect(params).toContain(probe);
    expect(sql.split("?").length - 1).toBe(params.length);
  }
});

it("orders nulls last and breaks ties by id, descending unless id is named", () => {
  expect(orderKeys([{ field: "user", desc: false }])).toEqual([
    { expr: "e.user_id IS NULL", desc: false },
    { expr: "e.user_id", desc: false },
    { expr: "e.id", desc: true },
  ]);
  expect(orderKeys([{ field: "user", desc: true }])).toEqual([
    { expr: "e.user_id", desc: true },
    { expr: "e.id", desc: true },
  ]);
  expect(
    orderKeys([
      { field: "id", desc: false },
      { field: "timestamp", desc: true },
    ]),
  ).toEqual([{ expr: "e.id", desc: false }]);
});

const fixture = await seededSqliteStore(1500);
afterAll(async () => {
  await fixture.close();
});

it("every sort field and direction compiles to SQL SQLite accepts, under both plans", () => {
  const db = new Database(fixture.file, { readonly: true });
  try {
    for (const field of eventSortFields) {
      for (const desc of [false, true]) {
        for (const plan of [{ kind: "filter" as const }, { kind: "walk" as const, index: "rowid" }]) {
          const compiled = compileEventPage({ ...query, sort: [{ field, desc }] }, plan, {
            limit: 10,
            offset: 0,
            fromEnd: desc,
          });
          expect(() => db.prepare(compiled.sql).all(...compiled.params)).not.toThrow();
        }
      }
    }
  } finally {
    db.close();
  }
});

it("the trigram index only proposes candidates: rows whose trigrams occur apart are re-checked away", async () => {
  const db = new Database(fixture.file, { readonly: true });
  try {
    const match = descriptionMatch({ descriptions: ["login for"] }, () => 0);
    const candidates = db
      .prepare("SELECT count(*) FROM events_fts WHERE events_fts MATCH ?")
      .pluck()
      .get(match);
    expect(candidates).toBeGreaterThan(0);
    expect(await fixture.store.countEvents({ orgIds: [1, 2, 3, 4] }, { description: ["login for"] })).toBe(0);
  } finally {
    db.close();
  }
  expect(descriptionMatch({ descriptions: ["ab"] }, () => 0)).toBeUndefined();
  expect(descriptionMatch({ descriptions: ['a"bc'] }, () => 0)).toBe('("a""b" AND """bc")');
});

it("counts and lists failures by reason or client_ip through their partial indexes", () => {
  const db = new Database(fixture.file, { readonly: true });
  try {
    for (const filter of [{ reasons: ["wrong_password"] }, { clientIps: ["203.0.113.7"] }]) {
      const query: EventQuery = {
        orgs: [
          { id: 1, rank: 1 },
          { id: 2, rank: 2 },
        ],
        conditions: eventConditions({ orgIds: [1, 2] }, filter),
        match: undefined,
        sort: [{ field: "timestamp", desc: true }],
      };
      const index = "reasons" in filter ? "events_org_reason" : "events_org_client_ip";
      for (const { sql, params } of [
        compileEventCount(query),
        compileEventPage(query, { kind: "filter" }, { limit: 50, offset: 0, fromEnd: false }),
      ]) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
          .map((row) => row.detail)
          .join("\n");
        expect(plan, sql).toContain(index);
      }
    }
  } finally {
    db.close();
  }
});

it("queries a value's rarest trigrams only", () => {
  const documents: Record<string, number> = { con: 900, onn: 40, nne: 500, nec: 40, ect: 700, cti: 7 };
  expect(descriptionMatch({ descriptions: ["connecti"] }, (trigram) => documents[trigram] ?? 0)).toBe(
    '("cti" AND "onn" AND "nec")',
  );
});

it("counts a time range with tallied filters from day and hour tallies, and only its partial hours on the events", () => {
  const dayMs = 86_400_000;
  const hourMs = 3_600_000;
  const count = (filter: Parameters<typeof eventConditions>[1]) =>
    compileEventCount({
      orgs: [{ id: 1, rank: 1 }],
      conditions: eventConditions({ orgIds: [1] }, filter),
      match: undefined,
      sort: [],
    });
  // 12:20 of day 100 to 12:20 of day 130: days 101–129 from the day tallies, 13:00–24:00 of day 100 and
  // 0:00–12:00 of day 130 from the hour tallies, two partial hours on the events.
  const from = 100.5 * dayMs + 20 * 60_000;
  const until = 130.5 * dayMs + 20 * 60_000;
  const ranged = count({ range: { from, until }, severityIds: [1, 2] });
  expect(ranged.sql.match(/FROM event_day_tallies/g)).toHaveLength(1);
  expect(ranged.sql.match(/FROM event_hour_tallies/g)).toHaveLength(2);
  expect(ranged.sql.match(/FROM events e/g)).toHaveLength(2);
  expect(ranged.params).toEqual([
    ...[1, from, 100.5 * dayMs + hourMs - 1, 1, 2],
    ...[1, 100 * 24 + 13, 101 * 24 - 1, 1, 2],
    ...[1, 101, 129, 1, 2],
    ...[1, 130 * 24, 130 * 24 + 11, 1, 2],
    ...[1, 130.5 * dayMs, until, 1, 2],
  ]);
  // Whole days only: nothing read on the events.
  const whole = count({ days: [{ from: 3 * dayMs, until: 4 * dayMs - 1 }] });
  expect(whole.sql).not.toMatch(/FROM events e/);
  expect(whole.params).toEqual([1, 3, 3]);
  // A user has no tally; overlapping days would count twice: both are counted on the events.
  expect(count({ range: { from: 0, until: 30 * dayMs }, userIds: [7] }).sql).not.toMatch(/_tallies/);
  const twice = { from: 3 * dayMs, until: 4 * dayMs - 1 };
  expect(count({ days: [twice, twice] }).sql).not.toMatch(/_tallies/);
});

it("reads a histogram of whole hours from the tallies its interval allows, and finer ones from the events", () => {
  const dayMs = 86_400_000;
  const hourMs = 3_600_000;
  const range = { from: 100.5 * dayMs + 20 * 60_000, until: 110.5 * dayMs - 1 };
  const histogram = (intervalMs: number, filter: Parameters<typeof eventConditions>[1] = {}) =>
    compileEventHistogram(
      {
        orgs: [{ id: 1, rank: 1 }],
        conditions: eventConditions({ orgIds: [1] }, { range, severityIds: [1], ...filter }),
        match: undefined,
        sort: [],
      },
      { startMs: Math.floor(range.from / intervalMs) * intervalMs, intervalMs },
    ).sql;
  const tables = (sql: string) => sql.match(/FROM \w+/g);
  expect(tables(histogram(dayMs))).toEqual([
    "FROM events",
    "FROM event_hour_tallies",
    "FROM event_day_tallies",
    "FROM event_hour_tallies",
  ]);
  expect(tables(histogram(6 * hourMs))).toEqual(["FROM events", "FROM event_hour_tallies"]);
  expect(tables(histogram(15 * 60_000))).toEqual(["FROM events"]);
  expect(tables(histogram(dayMs, { userIds: [7] }))).toEqual(["FROM events"]);
});
