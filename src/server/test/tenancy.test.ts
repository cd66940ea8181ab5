import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { containerEventViews } from "../../contract/api-paths";
import { containerListSchema, type Container } from "../../contract/container";
import { csvColumns } from "../../contract/csv";
import { expectError, getPage, listAll, startTestServer, type Reply } from "./server-fixture";

const server = await startTestServer();
afterAll(() => server.close());
const { acme, support, globex } = server.tokens;

async function containersOf(token: string, orgId: number): Promise<Container[]> {
  const reply = await server.get(`/orgs/${orgId}/containers`, { token, query: { per_page: 1000 } });
  expect(reply.status).toBe(200);
  return containerListSchema.parse(reply.json);
}

const acmeContainers = await containersOf(acme.auth_token, 1);
const globexContainers = await containersOf(globex.auth_token, 4);
const ofOrg = (orgId: number) =>
  [...acmeContainers, ...globexContainers].filter((c) => c.organisation.id === orgId);

const names: Record<number, string> = { 1: "Acme Group", 2: "Acme Logistics", 3: "Acme Retail", 4: "Globex" };

/** The text of a reply, headers included, for "nothing foreign leaks" checks. */
const everything = (reply: Reply) =>
  `${[...reply.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${reply.text}`;

/** `echoed`: container ids the request itself named, which an error message may repeat. */
function expectNothingOf(reply: Reply, foreignOrgs: number[], echoed: readonly string[] = []): void {
  const text = everything(reply);
  const ownNames = new Set(
    [1, 2, 3, 4].filter((org) => !foreignOrgs.includes(org)).flatMap((org) => ofOrg(org).map((c) => c.name)),
  );
  for (const org of foreignOrgs) {
    expect(text, `name of org ${org}`).not.toContain(names[org]);
    for (const c of ofOrg(org).filter((container) => !echoed.includes(container.id))) {
      expect(text, `container ${c.id} of org ${org}`).not.toMatch(
        new RegExp(`(^|[^\\w-])${c.id}([^\\w-]|$)`),
      );
      if (!ownNames.has(c.name)) expect(text, `container ${c.name}`).not.toContain(c.name);
    }
  }
}

/** Every read route of an organisation, with a container of that organisation where the route takes one. */
function routesOf(orgId: number): string[] {
  const container = ofOrg(orgId)[0];
  if (!container) throw new Error(`org ${orgId} has no containers`);
  const c = encodeURIComponent(container.id);
  return [
    `/orgs/${orgId}/events`,
    ...containerEventViews.map((view) => `/orgs/${orgId}/container_events/${view}`),
    `/orgs/${orgId}/containers`,
    `/orgs/${orgId}/containers/${c}`,
    `/orgs/${orgId}/containers/${c}/events`,
  ];
}

const viewers = [
  { who: "support@acme.test", token: support.auth_token, own: [2], foreign: [1, 3, 4] },
  { who: "admin@globex.test", token: globex.auth_token, own: [4], foreign: [1, 2, 3] },
];

describe.each(viewers)("$who", ({ token, own, foreign }) => {
  it("every route of a foreign organisation answers 404 and names nothing foreign", async () => {
    for (const org of foreign) {
      for (const path of routesOf(org)) {
        const reply = await server.get(path, { token });
        expectError(reply, 404);
        expectNothingOf(reply, foreign, [ofOrg(org)[0]?.id ?? ""]);
      }
    }
  });

  it("foreign organisations on the seed-2 endpoint answer 200 [] with x-total-count 0", async () => {
    for (const org of foreign) {
      for (const accept of ["application/json", "text/csv"]) {
        const reply = await server.get(`/organisation/${org}/event`, { token, headers: { accept } });
        expect(reply.status).toBe(200);
        expect(reply.headers.get("x-total-count")).toBe("0");
        if (accept === "application/json") expect(reply.json).toEqual([]);
        else expect(parse(reply.text, { bom: true })).toEqual([[...csvColumns]]);
        expectNothingOf(reply, foreign);
      }
    }
  });

  it("foreign containers answer 404 even under the caller's own organisation", async () => {
    for (const org of foreign) {
      for (const c of ofOrg(org)) {
        for (const suffix of ["", "/events"]) {
          const reply = await server.get(`/orgs/${own[0]}/containers/${encodeURIComponent(c.id)}${suffix}`, {
            token,
          });
          expectError(reply, 404);
          expectNothingOf(reply, foreign, [c.id]);
        }
      }
    }
  });

  it("its own lists, JSON and CSV, hold only its own organisation's events and containers", async () => {
    const ownOrg = own[0] as number;
    for (const path of [`/organisation/my/event`, `/organisation/${ownOrg}/event`, ...routesOf(ownOrg)]) {
      const reply = await server.get(path, { token, query: { per_page: 1000 } });
      expect(reply.status, path).toBe(200);
      expectNothingOf(reply, foreign);
      if (!path.match(/containers(\/[^/]+)?$/)) {
        const csv = await server.get(path, { token, headers: { accept: "text/csv" } });
        expect(csv.status).toBe(200);
        expectNothingOf(csv, foreign);
        const rows = parse<Record<string, string>>(csv.text, { bom: true, columns: true });
        expect(rows.length).toBe(Number(csv.headers.get("x-total-count")));
        for (const row of rows) expect(row.organisation).toBe(names[ownOrg]);
      }
    }
    const { rows } = await listAll(server, token, "/organisation/my/event");
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((e) => e.organisation.id))).toEqual(new Set(own));
  });

  it("filters cannot reach foreign rows", async () => {
    const ownOrg = own[0] as number;
    for (const org of foreign) {
      for (const q of [`organisation:${names[org]}`, `container:${ofOrg(org)[0]?.id ?? ""}`]) {
        const page = await getPage(server, token, `/orgs/${ownOrg}/events`, { q });
        expect(page.rows.filter((e) => e.organisation.id !== ownOrg)).toEqual([]);
        if (q.startsWith("container")) expect(page.total).toBe(0);
      }
    }
  });

  it("/me names nothing foreign", async () => {
    const reply = await server.get("/me", { token });
    expect(reply.status).toBe(200);
    expectNothingOf(reply, foreign);
    expect(reply.text).not.toMatch(/"parent_id":\s*[1-9]/);
  });
});

describe("admin@acme.test (Acme Group, parent of 2 and 3)", () => {
  const token = acme.auth_token;

  it("reads the events of Acme Logistics and Acme Retail through org 1", async () => {
    const { rows } = await listAll(server, token, "/orgs/1/events");
    for (const org of [1, 2, 3])
      expect(
        rows.some((e) => e.organisation.id === org),
        `org ${org}`,
      ).toBe(true);
    expect(rows.some((e) => e.organisation.id === 4)).toBe(false);
  });

  it("reads org 2 and org 3 directly, and their containers under org 1", async () => {
    for (const org of [2, 3]) {
      for (const path of routesOf(org)) expect((await server.get(path, { token })).status, path).toBe(200);
      for (const c of ofOrg(org)) {
        const reply = await server.get(`/orgs/1/containers/${encodeURIComponent(c.id)}/events`, { token });
        expect(reply.status).toBe(200);
      }
    }
  });

  it("sees nothing of Globex", async () => {
    for (const path of routesOf(4)) expectError(await server.get(path, { token }), 404);
    const reply = await server.get("/organisation/4/event", { token });
    expect(reply.json).toEqual([]);
    const all = await server.get("/orgs/1/events", { token, query: { per_page: 1000 } });
    expectNothingOf(all, [4]);
  });
});

describe("Globex cannot write to Acme", () => {
  it("answers 404 for Acme's containers", async () => {
    const body = { event_type: "ACCESS", timestamp: "2026-01-01T00:00:00Z", status: "SUCCESS" };
    for (const c of ofOrg(2)) {
      for (const org of [4, 2]) {
        const reply = await server.request(
          "POST",
          `/orgs/${org}/containers/${encodeURIComponent(c.id)}/events`,
          {
            token: globex.auth_token,
            body,
          },
        );
        expectError(reply, 404);
      }
    }
  });
});
