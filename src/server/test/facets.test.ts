import { afterAll, describe, expect, it } from "vitest";
import { facetsSchema, type FacetField, type FacetValue } from "../../contract/facets";
import type { Event } from "../../contract/event";
import { facetGroupsOf, facetReaders } from "./facet-model";
import { expectError, listAll, startTestServer } from "./server-fixture";

const server = await startTestServer();
afterAll(() => server.close());
const { acme, globex } = server.tokens;

const numeric = new Set(["type", "source", "severity", "organisation", "user", "endpoint"]);

/** The facet the events make: count descending, then value ascending (numerically for ids), at most `limit`. */
function model(events: Event[], field: FacetField, limit = 10, prefix?: string): FacetValue[] {
  const lower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return facetGroupsOf(events, field)
    .map(({ value, label, n }) => ({ value: value ?? "", label: label ?? "—", count: n }))
    .filter(
      (entry) =>
        prefix === undefined ||
        (entry.value !== "" &&
          (lower(entry.value).startsWith(lower(prefix)) || lower(entry.label).startsWith(lower(prefix)))),
    )
    .sort((a, b) => {
      if (a.count !== b.count) return b.count - a.count;
      if (numeric.has(field))
        return (a.value === "" ? -1 : Number(a.value)) - (b.value === "" ? -1 : Number(b.value));
      return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    })
    .slice(0, limit);
}

async function facets(org: number, query: Record<string, string>, token = acme.auth_token) {
  const reply = await server.get(`/orgs/${String(org)}/events/facets`, { token, query });
  expect(reply.status, reply.text).toBe(200);
  return facetsSchema.parse(reply.json);
}

const all = (await listAll(server, acme.auth_token, "/orgs/1/events")).rows;

describe("GET /orgs/{org_id}/events/facets", () => {
  it("answers type, severity and source by default, exact, with the list's total", async () => {
    const answer = await facets(1, {});
    expect(answer.total).toBe(all.length);
    expect(Object.keys(answer.facets)).toEqual(["type", "severity", "source"]);
    for (const field of ["type", "severity", "source"] as const) {
      expect(answer.facets[field], field).toEqual(model(all, field));
    }
  });

  it("counts every field over the view and q, null values under an empty value", async () => {
    const q = "severity:1,severity:2";
    const listed = (await listAll(server, acme.auth_token, "/orgs/1/container_events/by_fail", { q })).rows;
    const fields = Object.keys(facetReaders) as FacetField[];
    const answer = await facets(1, { view: "by_fail", q, fields: fields.join(","), limit: "100" });
    expect(answer.total).toBe(listed.length);
    for (const field of fields) expect(answer.facets[field], field).toEqual(model(listed, field, 100));
    const whole = await facets(1, { fields: "container,user,status,alert", limit: "100" });
    for (const field of ["container", "user", "status", "alert"] as const) {
      expect(whole.facets[field], field).toEqual(model(all, field, 100));
    }
    expect(whole.facets.status?.some((entry) => entry.value === "")).toBe(true);
    expect(whole.facets.container?.find((entry) => entry.value === "")).toEqual({
      value: "",
      label: "—",
      count: all.filter((e) => e.container === null).length,
    });
  });

  it("counts reason and client_ip as stored: failures by cause and address, every other event under the null value", async () => {
    const mine = all.filter((e) => e.organisation.id === 2);
    const answer = await facets(2, { fields: "reason,client_ip", limit: "100" });
    expect(answer.total).toBe(mine.length);
    expect(answer.facets.reason).toEqual(model(mine, "reason", 100));
    expect(answer.facets.client_ip).toEqual(model(mine, "client_ip", 100));
    expect(answer.facets.reason?.find((entry) => entry.value === "")?.count).toBe(
      mine.filter((e) => e.reason === null).length,
    );
    const failures = await facets(2, { view: "by_fail", fields: "reason" });
    expect(failures.facets.reason?.length).toBeGreaterThan(2);
    expect(failures.facets.reason?.some((entry) => entry.value === "")).toBe(false);
  });

  it("keeps the values whose value or label starts with prefix, case-insensitively, and at most limit", async () => {
    for (const [field, prefix] of [
      ["user", "SUP"],
      ["container", "c-00"],
      ["type", "acc"],
      ["ip_address", "10.1"],
    ] as const) {
      const answer = await facets(1, { fields: field, prefix, limit: "3" });
      expect(answer.facets[field], `${field} ${prefix}`).toEqual(model(all, field, 3, prefix));
      expect(answer.facets[field]?.length).toBeGreaterThan(0);
    }
  });

  it("answers only the caller's reach", async () => {
    expectError(await server.get("/orgs/1/events/facets", { token: globex.auth_token }), 404);
    const globexOwn = await facets(4, { fields: "organisation" }, globex.auth_token);
    expect(globexOwn.facets.organisation?.map((entry) => entry.value)).toEqual(["4"]);
    const child = await facets(3, { fields: "organisation" });
    expect(child.facets.organisation?.map((entry) => entry.value)).toEqual(["3"]);
  });

  it("answers 400 naming fields, limit, prefix, view or q", async () => {
    const get = (query: string) => server.get("/orgs/1/events/facets", { token: acme.auth_token, query });
    for (const query of ["fields=bogus", "fields=type,type", "fields=type,", "fields=type&fields=user"]) {
      expectError(await get(query), 400, "fields");
    }
    for (const query of ["limit=0", "limit=101", "limit=abc", "limit=1.5", "limit=-1"]) {
      expectError(await get(query), 400, "limit");
    }
    expectError(await get("fields=type,user&prefix=a"), 400, "prefix");
    expectError(await get("prefix=a"), 400, "prefix");
    expectError(await get("view=bogus"), 400, "view");
    expectError(await get("q=nope:1"), 400, "q");
  });
});
