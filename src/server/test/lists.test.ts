import { afterAll, describe, expect, it } from "vitest";
import { containerEventViews } from "../../contract/api-paths";
import { containerListSchema } from "../../contract/container";
import type { Event } from "../../contract/event";
import { eventComparator } from "./event-model";
import { expectError, getPage, ids, listAll, startTestServer, testNowMs } from "./server-fixture";

const server = await startTestServer();
afterAll(() => server.close());
const token = server.tokens.acme.auth_token;

const all = (await listAll(server, token, "/orgs/1/events")).rows;
const containers = containerListSchema.parse(
  (await server.get("/orgs/1/containers", { token, query: { per_page: 1000 } })).json,
);
const busiest = [...containers].sort(
  (a, b) =>
    all.filter((e) => e.container?.id === b.id).length - all.filter((e) => e.container?.id === a.id).length,
)[0];
if (!busiest) throw new Error("the demo world has no containers");

const viewTypes = {
  by_access: "ACCESS",
  by_block: "BLOCK",
  by_create: "CREATE",
  by_expire: "EXPIRE",
} as const;
const viewIds = { by_access: 100, by_block: 101, by_create: 102, by_expire: 103 } as const;

/** Each list endpoint for admin@acme.test on org 1, with the rows it must hold. */
const endpoints: [string, (e: Event) => boolean][] = [
  ["/organisation/1/event", () => true],
  ["/organisation/my/event", () => true],
  ["/orgs/1/events", () => true],
  ...containerEventViews.map((view): [string, (e: Event) => boolean] => [
    `/orgs/1/container_events/${view}`,
    view === "by_fail"
      ? (e) => e.container !== null && e.status === "FAILURE"
      : (e) => e.container !== null && e.event_type.description === viewTypes[view],
  ]),
  [`/orgs/1/containers/${encodeURIComponent(busiest.id)}/events`, (e) => e.container?.id === busiest.id],
];

describe("the demo data behind these tests", () => {
  it("has a few thousand events across Acme's three organisations", () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(new Set(all.map((e) => e.organisation.id))).toEqual(new Set([1, 2, 3]));
  });

  it("has container events of every type and both statuses in every Acme organisation", () => {
    for (const org of [1, 2, 3]) {
      const mine = all.filter((e) => e.organisation.id === org && e.container !== null);
      for (const type of Object.values(viewTypes)) {
        for (const status of ["SUCCESS", "FAILURE"]) {
          expect(
            mine.some((e) => e.event_type.description === type && e.status === status),
            `${org} ${type} ${status}`,
          ).toBe(true);
        }
      }
    }
  });

  it("container events carry the container types and a status", () => {
    for (const e of all.filter((row) => row.container !== null)) {
      expect(Object.values(viewIds)).toContain(e.event_type.id);
      expect(e.event_type.description).toBe(
        Object.values(viewTypes)[Object.values(viewIds).indexOf(e.event_type.id as 100)],
      );
      expect(["SUCCESS", "FAILURE"]).toContain(e.status);
    }
  });

  it("has every source and severity", () => {
    expect(new Set(all.map((e) => e.event_source.id))).toEqual(new Set([0, 1, 2]));
    expect(new Set(all.map((e) => e.event_severity.id))).toEqual(new Set([0, 1, 2]));
  });

  it("events fall in the 90 days before the data's now", () => {
    for (const e of all) {
      const t = Date.parse(e.timestamp);
      expect(t).toBeLessThanOrEqual(testNowMs);
      expect(t).toBeGreaterThanOrEqual(testNowMs - 90 * 24 * 3600 * 1000);
    }
  });
});

describe.each(endpoints)("GET %s", (path, belongs) => {
  const expected = all.filter(belongs).sort(eventComparator("-timestamp"));

  it("answers the first 50 rows, newest first, with the list headers", async () => {
    const page = await getPage(server, token, path);
    expect(page.total).toBe(expected.length);
    expect(page.total).toBeGreaterThan(0);
    expect(ids(page.rows)).toEqual(ids(expected.slice(0, 50)));
  });

  it("walks to the same rows as the full list", async () => {
    const { rows } = await listAll(server, token, path, {}, 400);
    expect(ids(rows)).toEqual(ids(expected));
  });

  it("answers 200 [] past the last page, with the headers", async () => {
    const perPage = 20;
    const past = Math.ceil(expected.length / perPage) + 1;
    const reply = await server.get(path, { token, query: { page: past, per_page: perPage } });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual([]);
    expect(reply.headers.get("x-total-count")).toBe(String(expected.length));
    expect(reply.headers.get("x-current-page")).toBe(String(past));
    expect(reply.headers.get("x-count-per-page")).toBe(String(perPage));
    expect(reply.headers.get("x-total-pages")).toBe(String(past - 1));
  });

  it("answers 200 [] for the largest page number", async () => {
    const reply = await server.get(path, { token, query: { page: Number.MAX_SAFE_INTEGER, per_page: 1000 } });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.json).toEqual([]);
  });

  it("rejects bad page and per_page naming them", async () => {
    expectError(await server.get(path, { token, query: { page: 0 } }), 400, "page");
    expectError(await server.get(path, { token, query: { page: "x" } }), 400, "page");
    expectError(await server.get(path, { token, query: { per_page: 0 } }), 400, "per_page");
    expectError(await server.get(path, { token, query: { per_page: 1001 } }), 400, "per_page");
  });

  it("rejects each parameter given twice", async () => {
    expectError(await server.get(path, { token, query: "page=1&page=2" }), 400, "page");
    expectError(await server.get(path, { token, query: "per_page=5&per_page=5" }), 400, "per_page");
    expectError(await server.get(path, { token, query: "sort=id&sort=type" }), 400, "sort");
    expectError(await server.get(path, { token, query: "q=alert:true&q=alert:false" }), 400, "q");
  });

  it("echoes q and sort only when given", async () => {
    const plain = await server.get(path, { token });
    expect(plain.headers.get("x-filter")).toBeNull();
    expect(plain.headers.get("x-sort")).toBeNull();
    const q = "severity:0,severity:2,description:a\\,b";
    const echoed = await server.get(path, { token, query: { q, sort: "-severity,id" } });
    expect(echoed.status).toBe(200);
    expect(echoed.headers.get("x-filter")).toBe(q);
    expect(echoed.headers.get("x-sort")).toBe("-severity,id");
  });
});

describe("list semantics across endpoints", () => {
  it("organisation/1/event, organisation/my/event and orgs/1/events answer the same rows", async () => {
    const query = { q: "severity:2", sort: "type,-id" };
    const a = await listAll(server, token, "/organisation/1/event", query);
    const b = await listAll(server, token, "/organisation/my/event", query);
    const c = await listAll(server, token, "/orgs/1/events", query);
    expect(ids(a.rows)).toEqual(ids(c.rows));
    expect(ids(b.rows)).toEqual(ids(c.rows));
  });

  it("a parent's list is its own events plus its children's", async () => {
    const own = await getPage(server, token, "/orgs/1/events", { q: "organisation:Acme Group" });
    const logistics = await getPage(server, token, "/orgs/2/events");
    const retail = await getPage(server, token, "/orgs/3/events");
    expect(own.total + logistics.total + retail.total).toBe(all.length);
    expect(own.total).toBeGreaterThan(0);
    expect(logistics.total).toBeGreaterThan(0);
    expect(retail.total).toBeGreaterThan(0);
    expect(new Set(logistics.rows.map((e) => e.organisation.id))).toEqual(new Set([2]));
  });

  it("the four typed views partition the container events", async () => {
    let sum = 0;
    for (const view of ["by_access", "by_block", "by_create", "by_expire"]) {
      sum += (await getPage(server, token, `/orgs/1/container_events/${view}`)).total;
    }
    expect(sum).toBe(all.filter((e) => e.container !== null).length);
  });

  it("failures cluster on a few containers", () => {
    const failures = all.filter((e) => e.container !== null && e.status === "FAILURE");
    const perContainer = new Map<string, number>();
    for (const e of failures)
      perContainer.set(e.container?.id ?? "", (perContainer.get(e.container?.id ?? "") ?? 0) + 1);
    const top = [...perContainer.values()].sort((a, b) => b - a).slice(0, 3);
    expect(top.reduce((a, b) => a + b, 0)).toBeGreaterThan(failures.length / 3);
  });

  it("per_page 1000 answers up to 1000 rows", async () => {
    const page = await getPage(server, token, "/orgs/1/events", { per_page: 1000 });
    expect(page.rows).toHaveLength(Math.min(1000, all.length));
  });

  it("echoes non-ASCII q percent-encoded so headers stay printable ASCII", async () => {
    for (const q of ["description:Zoë 😀", "description:tab\there", "user: padded ", "description:100%"]) {
      const reply = await server.get("/orgs/1/events", { token, query: { q } });
      expect(reply.status, reply.text).toBe(200);
      const header = reply.headers.get("x-filter") ?? "";
      expect(header).toMatch(/^[\x20-\x7e]+$/);
      expect(decodeURIComponent(header)).toBe(q);
    }
  });
});

describe("seed 2's quirk: organisation/{id}/event out of reach", () => {
  for (const orgId of [4, 99, 1234567890123]) {
    it(`answers 200 [] with x-total-count 0 for org ${orgId}`, async () => {
      const reply = await server.get(`/organisation/${orgId}/event`, { token });
      expect(reply.status).toBe(200);
      expect(reply.json).toEqual([]);
      expect(reply.headers.get("x-total-count")).toBe("0");
      expect(reply.headers.get("x-total-pages")).toBe("0");
      expect(reply.headers.get("x-current-page")).toBe("1");
      expect(reply.headers.get("x-count-per-page")).toBe("50");
    });

    it(`still answers 400 for bad parameters for org ${orgId}`, async () => {
      const path = `/organisation/${orgId}/event`;
      expectError(await server.get(path, { token, query: { page: 0 } }), 400, "page");
      expectError(await server.get(path, { token, query: { per_page: 5000 } }), 400, "per_page");
      expectError(await server.get(path, { token, query: { sort: "colour" } }), 400, "sort");
      expectError(await server.get(path, { token, query: { q: "type:x" } }), 400, "q");
      expectError(await server.get(path, { token, query: "q=type:1&q=type:2" }), 400, "q");
    });
  }

  it("a non-numeric id is a 400 naming org_id", async () => {
    for (const id of ["abc", "1a", "-1", "1.0", "MY", "%20"]) {
      expectError(await server.get(`/organisation/${id}/event`, { token }), 400, "org_id");
    }
  });

  it("the other endpoints answer 404 for the same ids, the same 404 whether the org exists or not", async () => {
    const bodies: string[] = [];
    for (const orgId of [4, 99]) {
      for (const path of [
        `/orgs/${orgId}/events`,
        ...containerEventViews.map((v) => `/orgs/${orgId}/container_events/${v}`),
        `/orgs/${orgId}/containers`,
        `/orgs/${orgId}/containers/${encodeURIComponent(busiest.id)}`,
        `/orgs/${orgId}/containers/${encodeURIComponent(busiest.id)}/events`,
      ]) {
        const body = expectError(await server.get(path, { token }), 404);
        if (path.endsWith("/events") && !path.includes("containers")) {
          bodies.push(JSON.stringify({ ...body, message: body.message.replaceAll(String(orgId), "#") }));
        }
      }
    }
    expect(new Set(bodies).size).toBe(1);
  });
});
