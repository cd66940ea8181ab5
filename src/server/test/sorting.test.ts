import { afterAll, describe, expect, it } from "vitest";
import type { Event } from "../../contract/event";
import { eventSortFields, type EventSortField } from "../../contract/sort-fields";
import { eventComparator, eventSortKey, expectedEvents } from "./event-model";
import { expectError, getPage, ids, listAll, startTestServer } from "./server-fixture";

const server = await startTestServer();
afterAll(() => server.close());
const token = server.tokens.acme.auth_token;
const all = (await listAll(server, token, "/orgs/1/events")).rows;

const nullable: EventSortField[] = ["user", "endpoint", "tags", "ip_address", "iccid", "imsi"];

function expectNullsLast(rows: readonly Event[], field: EventSortField): void {
  const firstNull = rows.findIndex((e) => eventSortKey(e, field) === null);
  if (firstNull < 0) return;
  for (const e of rows.slice(firstNull)) expect(eventSortKey(e, field), `row ${e.id}`).toBeNull();
}

describe("the demo data behind these tests", () => {
  it("has nulls and ties in the nullable sort fields", () => {
    for (const field of nullable) {
      expect(
        all.some((e) => eventSortKey(e, field) === null),
        field,
      ).toBe(true);
      expect(
        all.some((e) => eventSortKey(e, field) !== null),
        field,
      ).toBe(true);
    }
  });

  it("the default order is -timestamp, then -id", () => {
    expect(ids(all)).toEqual(ids([...all].sort(eventComparator("-timestamp"))));
  });
});

describe.each(eventSortFields.flatMap((field) => [field, `-${field}`]))("sort=%s", (sort) => {
  const field = sort.replace(/^-/, "") as EventSortField;

  it("orders every row by the field, nulls last, id breaking ties", async () => {
    const { rows } = await listAll(server, token, "/orgs/1/events", { sort });
    expect(ids(rows)).toEqual(ids(expectedEvents(all, undefined, sort)));
    expectNullsLast(rows, field);
  });

  it("echoes the sort", async () => {
    const reply = await server.get("/orgs/1/events", { token, query: { sort, per_page: 1 } });
    expect(reply.headers.get("x-sort")).toBe(sort);
  });
});

describe("several sort fields", () => {
  it.each([
    "-alert,severity",
    "organisation,-type",
    "user,-timestamp",
    "-tags,ip_address",
    "source,severity,type,id",
    "-iccid,-imsi",
    "id",
    "-id",
    "severity,id,type",
  ])("sort=%s", async (sort) => {
    const { rows } = await listAll(server, token, "/orgs/1/events", { sort });
    expect(ids(rows)).toEqual(ids(expectedEvents(all, undefined, sort)));
  });

  it("sorts a filtered container view", async () => {
    const sort = "-user,timestamp";
    const { rows } = await listAll(server, token, "/orgs/1/container_events/by_fail", {
      sort,
      q: "alert:false",
    });
    const base = all.filter((e) => e.container !== null && e.status === "FAILURE");
    expect(ids(rows)).toEqual(ids(expectedEvents(base, "alert:false", sort)));
  });
});

describe("paging is stable", () => {
  it.each([
    ["severity:1", "alert"],
    ["severity:1", "severity,-source"],
    ["status:FAILURE", "-user"],
    ["source:0", "tags"],
  ])("q=%s sort=%s: pages of 7 equal one page of 1000", async (q, sort) => {
    const one = await listAll(server, token, "/orgs/1/events", { q, sort }, 1000);
    expect(one.total).toBeGreaterThan(50);
    const paged = await listAll(server, token, "/orgs/1/events", { q, sort }, 7);
    expect(new Set(ids(paged.rows)).size).toBe(paged.rows.length);
    expect(ids(paged.rows)).toEqual(ids(one.rows));
  });

  it("page n of size k is rows (n-1)k .. nk-1 of the whole", async () => {
    const sort = "-alert,type";
    const expected = expectedEvents(all, undefined, sort);
    for (const [page, perPage] of [
      [1, 13],
      [5, 13],
      [3, 250],
      [2, 999],
    ] as const) {
      const got = await getPage(server, token, "/orgs/1/events", { sort, page, per_page: perPage });
      expect(ids(got.rows)).toEqual(ids(expected.slice((page - 1) * perPage, page * perPage)));
    }
  });
});

describe("bad sorts answer 400 naming sort", () => {
  it.each([
    "colour",
    "description",
    "status",
    "id,id",
    "-type,type",
    "id,",
    ",id",
    "-",
    "Timestamp",
    "--id",
    "+id",
  ])("sort=%s", async (sort) => {
    expectError(await server.get("/orgs/1/events", { token, query: { sort } }), 400, "sort");
  });
});
