import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { containerEventViews, type ContainerEventView } from "../../contract/api-paths";
import { containerListSchema, containerSchema, type Container } from "../../contract/container";
import { eventListSchema, type Event } from "../../contract/event";
import {
  demoUsers,
  expectError,
  listAll,
  orgNames,
  startTestServer,
  type DemoUser,
  type Reply,
} from "./server-fixture";

/**
 * Every route × every demo user × every kind of organisation id (own, child, parent, sibling, unrelated,
 * missing, negative, huge, not a number) × containers of every organisation: the exact status, exact counts
 * where the answer is 200, and nothing of an organisation out of the caller's reach anywhere in the answer.
 */
const server = await startTestServer({ seedEvents: 1500 });
afterAll(() => server.close());

type OrgId = 1 | 2 | 3 | 4;
const parents: Record<OrgId, OrgId | null> = { 1: null, 2: 1, 3: 1, 4: null };
const allOrgs: OrgId[] = [1, 2, 3, 4];
const homeOrg: Record<DemoUser, OrgId> = { acme: 1, support: 2, globex: 4 };

function reach(org: number): OrgId[] {
  return allOrgs.filter((candidate) => {
    for (let at: OrgId | null = candidate; at !== null; at = parents[at]) if (at === org) return true;
    return false;
  });
}

const groundTruth = [
  ...(await listAll(server, server.tokens.acme.auth_token, "/orgs/1/events")).rows,
  ...(await listAll(server, server.tokens.globex.auth_token, "/orgs/4/events")).rows,
];
const containers: Container[] = [];
for (const [user, org] of [
  ["acme", 1],
  ["globex", 4],
] as const) {
  const reply = await server.get(`/orgs/${org}/containers`, {
    token: server.tokens[user].auth_token,
    query: { per_page: 1000 },
  });
  containers.push(...containerListSchema.parse(reply.json));
}
const containersOf = (org: number) => containers.filter((c) => c.organisation.id === org);

const viewTypes: Record<ContainerEventView, (e: Event) => boolean> = {
  by_access: (e) => e.event_type.id === 100,
  by_block: (e) => e.event_type.id === 101,
  by_create: (e) => e.event_type.id === 102,
  by_expire: (e) => e.event_type.id === 103,
  by_fail: (e) => e.container !== null && e.status === "FAILURE",
};

type Route = { path: string; list?: (e: Event) => boolean; csv: boolean; seed2?: boolean };

function routes(orgSegment: string, container: Container): Route[] {
  const c = encodeURIComponent(container.id);
  return [
    { path: `/organisation/${orgSegment}/event`, list: () => true, csv: true, seed2: true },
    { path: `/orgs/${orgSegment}/events`, list: () => true, csv: true },
    ...containerEventViews.map((view) => ({
      path: `/orgs/${orgSegment}/container_events/${view}`,
      list: viewTypes[view],
      csv: true,
    })),
    { path: `/orgs/${orgSegment}/containers`, csv: false },
    { path: `/orgs/${orgSegment}/containers/${c}`, csv: false },
    {
      path: `/orgs/${orgSegment}/containers/${c}/events`,
      list: (e) => e.container?.id === container.id,
      csv: true,
    },
  ];
}

/** Names and ids of everything outside `visible`, which no answer may carry. */
function foreignMarks(visible: readonly OrgId[]): { names: string[]; containerIds: string[] } {
  const foreign = allOrgs.filter((org) => !visible.includes(org));
  const ownNames = new Set(visible.flatMap((org) => containersOf(org).map((c) => c.name)));
  return {
    names: [
      ...foreign.map((org) => orgNames[org]),
      ...foreign.flatMap((org) => containersOf(org).map((c) => c.name)).filter((name) => !ownNames.has(name)),
    ],
    containerIds: foreign.flatMap((org) => containersOf(org).map((c) => c.id)),
  };
}

function expectNothingForeign(reply: Reply, visible: readonly OrgId[], label: string): void {
  const text = `${[...reply.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${reply.text}`;
  const marks = foreignMarks(visible);
  for (const name of marks.names) expect(text, `${label}: ${name}`).not.toContain(name);
  for (const id of marks.containerIds) {
    expect(text, `${label}: container ${id}`).not.toMatch(new RegExp(`(^|[^\\w-])${id}([^\\w-]|$)`));
  }
}

const orgSegments = [
  "1",
  "2",
  "3",
  "4",
  "99",
  "0",
  "99999999999999999999",
  "-1",
  "abc",
  "1.5",
  "0x4",
  "%201",
];
const relation = (user: DemoUser, segment: string): string => {
  if (!/^[0-9]+$/.test(segment)) return "malformed";
  const org = Number(segment);
  const home = homeOrg[user];
  if (org === home) return "own";
  if (!allOrgs.includes(org as OrgId)) return Number.isSafeInteger(org) ? "nonexistent" : "huge";
  if (parents[org as OrgId] === home) return "child";
  if (parents[home] === org) return "parent";
  if (parents[home] !== null && parents[org as OrgId] === parents[home]) return "sibling";
  return "unrelated";
};

const users = Object.keys(demoUsers) as DemoUser[];
const cases = users.flatMap((user) =>
  orgSegments.map((segment) => ({ user, segment, rel: relation(user, segment) })),
);

describe("reads: every route, user and kind of organisation id", () => {
  it.each(cases)("$user on org $segment ($rel)", async ({ user, segment }) => {
    const token = server.tokens[user].auth_token;
    const home = homeOrg[user];
    const malformed = !/^[0-9]+$/.test(segment);
    const target = Number(segment);
    const visible = !malformed && reach(home).includes(target as OrgId);
    const targetReach = visible ? reach(target) : [];
    const container = containersOf(visible ? target : home)[0];
    if (!container) throw new Error("no container");
    const notFoundBody = (await server.get(`/orgs/99/events`, { token })).text;

    for (const route of routes(segment, container)) {
      const label = `${user} GET ${route.path}`;
      const reply = await server.get(route.path, { token, query: { per_page: 1000 } });
      expectNothingForeign(reply, reach(home), label);
      if (malformed) {
        expectError(reply, 400, "org_id");
        continue;
      }
      if (!visible && route.seed2) {
        expect(reply.status, label).toBe(200);
        expect(reply.json, label).toEqual([]);
        expect(reply.headers.get("x-total-count"), label).toBe("0");
      } else if (!visible) {
        expectError(reply, 404);
        expect(reply.text, `${label}: the same 404 as a missing organisation`).toBe(notFoundBody);
        expect(reply.headers.get("x-total-count"), label).toBeNull();
        continue;
      }
      expect(reply.status, `${label}: ${reply.text.slice(0, 200)}`).toBe(200);
      if (route.list === undefined) {
        const found = route.path.endsWith("/containers")
          ? containerListSchema.parse(reply.json)
          : [containerSchema.parse(reply.json)];
        for (const c of found) expect(targetReach, `${label}: ${c.id}`).toContain(c.organisation.id);
        if (route.path.endsWith("/containers")) {
          const expected = containers.filter((c) => targetReach.includes(c.organisation.id as OrgId));
          expect(found.map((c) => c.id).sort(), label).toEqual(expected.map((c) => c.id).sort());
          expect(reply.headers.get("x-total-count"), label).toBe(String(expected.length));
        }
        continue;
      }
      const filter = route.list;
      const expected = groundTruth.filter(
        (e) => targetReach.includes(e.organisation.id as OrgId) && filter(e),
      );
      expect(reply.headers.get("x-total-count"), label).toBe(String(expected.length));
      const rows = eventListSchema.parse(reply.json);
      const allowed = new Set(expected.map((e) => e.id));
      for (const row of rows) expect(allowed.has(row.id), `${label}: event ${row.id}`).toBe(true);
      expect(rows.length).toBe(Math.min(1000, expected.length));

      if (!route.csv) continue;
      const csv = await server.get(route.path, { token, headers: { accept: "text/csv" } });
      expect(csv.status, label).toBe(200);
      expectNothingForeign(csv, reach(home), `${label} (CSV)`);
      expect(csv.headers.get("x-total-count"), label).toBe(String(expected.length));
      const csvRows = parse<Record<string, string>>(csv.text, { bom: true, columns: true });
      expect(csvRows.map((row) => Number(row.id)).sort(), `${label} (CSV)`).toEqual(
        expected.map((e) => e.id).sort(),
      );
    }
  });
});

describe("containers of every organisation under every organisation id", () => {
  it.each(users)(
    "%s: 200 only for a container in reach of a visible organisation, else 404",
    async (user) => {
      const token = server.tokens[user].auth_token;
      const home = homeOrg[user];
      for (const target of [...allOrgs, 99]) {
        const visible = reach(home).includes(target as OrgId);
        for (const container of containers) {
          const found = visible && reach(target).includes(container.organisation.id as OrgId);
          const c = encodeURIComponent(container.id);
          for (const path of [`/orgs/${target}/containers/${c}`, `/orgs/${target}/containers/${c}/events`]) {
            const reply = await server.get(path, { token, headers: { accept: "application/json" } });
            const label = `${user} GET ${path}`;
            if (found) expect(reply.status, label).toBe(200);
            else expectError(reply, 404);
            const echoed = found ? [] : [container.id];
            const marks = foreignMarks(reach(home));
            const text = `${[...reply.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${reply.text}`;
            for (const name of marks.names) expect(text, `${label}: ${name}`).not.toContain(name);
            for (const id of marks.containerIds.filter((id) => !echoed.includes(id))) {
              expect(text, `${label}: ${id}`).not.toContain(id);
            }
          }
        }
      }
    },
  );

  it.each(users)("%s: POST answers 201 or 403 in reach and 404 out of it", async (user) => {
    const token = server.tokens[user].auth_token;
    const home = homeOrg[user];
    const body = { event_type: "ACCESS", status: "FAILURE", timestamp: new Date().toISOString() };
    for (const segment of ["1", "2", "3", "4", "99", "99999999999999999999", "-1", "abc"]) {
      for (const container of containers) {
        const path = `/orgs/${segment}/containers/${encodeURIComponent(container.id)}/events`;
        const reply = await server.request("POST", path, { token, body });
        const label = `${user} POST ${path}`;
        if (!/^[0-9]+$/.test(segment)) {
          expectError(reply, 400, "org_id");
          continue;
        }
        const target = Number(segment);
        const found =
          reach(home).includes(target as OrgId) && reach(target).includes(container.organisation.id as OrgId);
        if (!found) expectError(reply, 404);
        else if (user === "support") expectError(reply, 403);
        else expect(reply.status, `${label}: ${reply.text}`).toBe(201);
        expectNothingForeign(reply, reach(home), label);
      }
    }
  });
});
