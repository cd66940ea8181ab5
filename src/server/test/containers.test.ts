import { afterAll, describe, expect, it } from "vitest";
import { containerListSchema, containerSchema, type Container } from "../../contract/container";
import { containerSortFields } from "../../contract/sort-fields";
import { compareKeys, containerSortKey } from "./event-model";
import { expectError, ids, listAll, startTestServer, testNowMs, type TestServer } from "./server-fixture";

const server = await startTestServer();
afterAll(() => server.close());
const token = server.tokens.acme.auth_token;

async function listContainers(
  s: TestServer,
  authToken: string,
  orgId: number,
  query: Record<string, string | number> = {},
): Promise<{ rows: Container[]; total: number }> {
  const reply = await s.get(`/orgs/${orgId}/containers`, {
    token: authToken,
    query: { per_page: 1000, ...query },
  });
  expect(reply.status, reply.text).toBe(200);
  const rows = containerListSchema.parse(reply.json);
  const total = Number(reply.headers.get("x-total-count"));
  expect(rows.length).toBe(total);
  return { rows, total };
}

const acme = (await listContainers(server, token, 1)).rows;
const globex = (await listContainers(server, server.tokens.globex.auth_token, 4)).rows;
const byOrg = (orgId: number) => acme.filter((c) => c.organisation.id === orgId);
const path = (orgId: number, id: string) => `/orgs/${orgId}/containers/${encodeURIComponent(id)}`;

describe("GET /orgs/{org_id}/containers", () => {
  it("lists the containers of the organisation and its descendants", () => {
    expect(new Set(acme.map((c) => c.organisation.id))).toEqual(new Set([1, 2, 3]));
    for (const org of [1, 2, 3]) expect(byOrg(org).length, `org ${org}`).toBeGreaterThanOrEqual(3);
    expect(globex.length).toBeGreaterThanOrEqual(3);
    expect(new Set(globex.map((c) => c.organisation.id))).toEqual(new Set([4]));
  });

  it("names each container's organisation correctly", () => {
    const names: Record<number, string> = { 1: "Acme Group", 2: "Acme Logistics", 3: "Acme Retail" };
    for (const c of acme) expect(c.organisation.name).toBe(names[c.organisation.id]);
  });

  it("has blocked and expired containers in every organisation", () => {
    for (const rows of [byOrg(1), byOrg(2), byOrg(3), globex]) {
      expect(rows.some((c) => c.blocked)).toBe(true);
      expect(rows.some((c) => c.expires_at !== null && Date.parse(c.expires_at) < testNowMs)).toBe(true);
    }
  });

  it("container ids are unique across organisations", () => {
    const all = [...acme, ...globex].map((c) => c.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it("a child organisation lists only its own", async () => {
    const { rows } = await listContainers(server, token, 2);
    expect(rows.map((c) => c.id).sort()).toEqual(
      byOrg(2)
        .map((c) => c.id)
        .sort(),
    );
  });

  it("is paged with the list headers", async () => {
    const reply = await server.get("/orgs/1/containers", { token, query: { per_page: 2, page: 2 } });
    expect(reply.status).toBe(200);
    const rows = containerListSchema.parse(reply.json);
    expect(rows.map((c) => c.id)).toEqual(acme.slice(2, 4).map((c) => c.id));
    expect(reply.headers.get("x-total-count")).toBe(String(acme.length));
    expect(reply.headers.get("x-total-pages")).toBe(String(Math.ceil(acme.length / 2)));
    expect(reply.headers.get("x-current-page")).toBe("2");
    expect(reply.headers.get("x-count-per-page")).toBe("2");
    const past = await server.get("/orgs/1/containers", { token, query: { page: 99 } });
    expect(past.status).toBe(200);
    expect(past.json).toEqual([]);
  });

  it("sorts by name by default", () => {
    const names = acme.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => compareKeys(a, b, false)));
  });

  describe.each(containerSortFields.flatMap((f) => [f, `-${f}`]))("sort=%s", (sort) => {
    it("orders by the field, nulls last", async () => {
      const field = sort.replace(/^-/, "") as (typeof containerSortFields)[number];
      const desc = sort.startsWith("-");
      const { rows } = await listContainers(server, token, 1, { sort });
      expect(rows.map((c) => c.id).sort()).toEqual(acme.map((c) => c.id).sort());
      for (let i = 1; i < rows.length; i++) {
        const a = containerSortKey(rows[i - 1] as Container, field);
        const b = containerSortKey(rows[i] as Container, field);
        expect(compareKeys(a, b, desc), `${String(a)} before ${String(b)}`).toBeLessThanOrEqual(0);
      }
    });
  });

  it("filters by name (case-insensitive substring) and blocked", async () => {
    const sample = acme[0] as Container;
    const part = sample.name.slice(1, 4).toUpperCase();
    const byName = await listContainers(server, token, 1, { q: `name:${part}` });
    expect(byName.rows.map((c) => c.id).sort()).toEqual(
      acme
        .filter((c) => c.name.toLowerCase().includes(part.toLowerCase()))
        .map((c) => c.id)
        .sort(),
    );
    for (const blocked of [true, false]) {
      const { rows } = await listContainers(server, token, 1, { q: `blocked:${blocked}` });
      expect(rows.map((c) => c.id).sort()).toEqual(
        acme
          .filter((c) => c.blocked === blocked)
          .map((c) => c.id)
          .sort(),
      );
    }
    const both = await listContainers(server, token, 1, { q: `blocked:true,name:${part}` });
    expect(both.rows.every((c) => c.blocked && c.name.toLowerCase().includes(part.toLowerCase()))).toBe(true);
    expect((await listContainers(server, token, 1, { q: "name:%" })).total).toBe(
      acme.filter((c) => c.name.includes("%")).length,
    );
  });

  it("rejects event fields and bad values", async () => {
    expectError(await server.get("/orgs/1/containers", { token, query: { q: "type:1" } }), 400, "q");
    expectError(await server.get("/orgs/1/containers", { token, query: { q: "blocked:yes" } }), 400, "q");
    expectError(await server.get("/orgs/1/containers", { token, query: { sort: "timestamp" } }), 400, "sort");
    expectError(
      await server.get("/orgs/1/containers", { token, query: { per_page: 1001 } }),
      400,
      "per_page",
    );
    expectError(await server.get("/orgs/1/containers", { token, query: "page=1&page=1" }), 400, "page");
  });

  it("answers JSON only: Accept text/csv is a 406", async () => {
    expectError(await server.get("/orgs/1/containers", { token, headers: { accept: "text/csv" } }), 406);
  });
});

describe("GET /orgs/{org_id}/containers/{container_id}", () => {
  it("answers each listed container, also under its ancestor", async () => {
    for (const c of acme) {
      for (const orgId of new Set([1, c.organisation.id])) {
        const reply = await server.get(path(orgId, c.id), { token });
        expect(reply.status, `${orgId} ${c.id}`).toBe(200);
        expect(containerSchema.parse(reply.json)).toEqual(c);
      }
    }
  });

  it("404 for a container outside the organisation", async () => {
    const ofLogistics = byOrg(2)[0] as Container;
    const ofRetail = byOrg(3)[0] as Container;
    const ofGroup = byOrg(1)[0] as Container;
    expectError(await server.get(path(3, ofLogistics.id), { token }), 404);
    expectError(await server.get(path(2, ofRetail.id), { token }), 404);
    expectError(await server.get(path(2, ofGroup.id), { token }), 404);
    expectError(await server.get(path(1, (globex[0] as Container).id), { token }), 404);
    expectError(await server.get(path(1, "no-such-container"), { token }), 404);
  });

  it("odd container ids answer 404, never 500", async () => {
    for (const id of ["%", "a/b", " ", "c-0001 ", "🙂", "' OR '1'='1", "..", "c\u0000x"]) {
      const reply = await server.get(path(1, id), { token });
      expect([400, 404], `${JSON.stringify(id)}: ${reply.text}`).toContain(reply.status);
    }
  });

  it("an overlong container id is a 400 naming container_id or a 404", async () => {
    const reply = await server.get(path(1, "c".repeat(5000)), { token });
    expect([400, 404]).toContain(reply.status);
    if (reply.status === 400) expectError(reply, 400, "container_id");
  });
});

describe("GET /orgs/{org_id}/containers/{container_id}/events", () => {
  it("answers exactly that container's events, under the owner and its parent", async () => {
    const events = (await listAll(server, token, "/orgs/1/events")).rows;
    for (const c of [byOrg(1)[0], byOrg(3)[1]] as Container[]) {
      const expected = events.filter((e) => e.container?.id === c.id);
      for (const orgId of [1, c.organisation.id]) {
        const { rows } = await listAll(server, token, `${path(orgId, c.id)}/events`);
        expect(ids(rows)).toEqual(ids(expected));
      }
      for (const e of expected) expect(e.container?.name).toBe(c.name);
    }
  });

  it("404 for a container of another organisation", async () => {
    const ofRetail = byOrg(3)[0] as Container;
    expectError(await server.get(`${path(2, ofRetail.id)}/events`, { token }), 404);
    expectError(await server.get(`${path(1, (globex[0] as Container).id)}/events`, { token }), 404);
  });
});
