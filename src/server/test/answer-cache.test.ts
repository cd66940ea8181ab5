import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { containerListSchema } from "../../contract/container";
import { eventSchema } from "../../contract/event";
import { startTestServer, type Reply } from "./server-fixture";

const server = await startTestServer({ seedEvents: 400 });
afterAll(() => server.close());
const acme = server.tokens.acme.auth_token;
const globex = server.tokens.globex.auth_token;

const rowsOf = (reply: Reply) => eventSchema.array().parse(reply.json);
const total = (reply: Reply) => Number(reply.headers.get("x-total-count"));

const containers = containerListSchema.parse((await server.get("/orgs/2/containers", { token: acme })).json);
const container = containers.find((c) => !c.blocked) ?? containers[0];
if (!container) throw new Error("the demo world has no container in organisation 2");

/** Lists answered twice in a row: the second answer comes from the server's page cache. */
describe("repeated list answers", () => {
  it("carry the same body and headers as the first", async () => {
    const encodings: Record<string, string>[] = [{}, { "accept-encoding": "identity" }];
    for (const headers of encodings) {
      const query = { sort: "-severity,id", q: "status:FAILURE", per_page: 30 };
      const first = await server.get("/orgs/1/events", { token: acme, query, headers });
      const second = await server.get("/orgs/1/events", { token: acme, query, headers });
      expect(second.status).toBe(200);
      expect(second.text).toBe(first.text);
      for (const name of [
        "content-type",
        "content-encoding",
        "vary",
        "cache-control",
        "access-control-expose-headers",
        "x-total-count",
        "x-total-pages",
        "x-current-page",
        "x-count-per-page",
        "x-filter",
        "x-sort",
        "content-security-policy",
      ]) {
        expect(second.headers.get(name), name).toBe(first.headers.get(name));
      }
      expect(second.headers.get("x-filter")).toBe("status:FAILURE");
    }
  });

  it("are the caller's own: the same path names another organisation for another tenant", async () => {
    for (let round = 0; round < 2; round++) {
      const mine = rowsOf(await server.get("/organisation/my/event", { token: acme }));
      const theirs = rowsOf(await server.get("/organisation/my/event", { token: globex }));
      expect(mine.length).toBeGreaterThan(0);
      expect(theirs.length).toBeGreaterThan(0);
      expect(mine.every((e) => [1, 2, 3].includes(e.organisation.id))).toBe(true);
      expect(theirs.every((e) => e.organisation.id === 4)).toBe(true);
    }
  });

  it("show an event logged through the API at once", async () => {
    const path = `/orgs/2/containers/${encodeURIComponent(container.id)}/events`;
    const before = await server.get(path, { token: acme });
    await server.get(path, { token: acme });
    const created = await server.request("POST", path, {
      token: acme,
      body: { event_type: "ACCESS", status: "FAILURE", timestamp: new Date().toISOString() },
    });
    expect(created.status, created.text).toBe(201);
    const after = await server.get(path, { token: acme });
    expect(total(after)).toBe(total(before) + 1);
    expect(rowsOf(after)[0]?.id).toBe((created.json as { id: number }).id);
  });

  it("show an event another process wrote to the store", async () => {
    const before = await server.get("/orgs/4/events", { token: globex, query: { sort: "-id" } });
    const newest = rowsOf(before)[0];
    if (!newest) throw new Error("organisation 4 has no events");
    const other = new Database(server.dbPath);
    try {
      const columns = (
        other.prepare("SELECT name FROM pragma_table_info('events')").pluck().all() as string[]
      )
        .filter((name) => name !== "id")
        .join(", ");
      other
        .prepare(`INSERT INTO events (${columns}) SELECT ${columns} FROM events WHERE id = ?`)
        .run(newest.id);
    } finally {
      other.close();
    }
    const after = await server.get("/orgs/4/events", { token: globex, query: { sort: "-id" } });
    expect(total(after)).toBe(total(before) + 1);
    expect(rowsOf(after)[0]?.id).toBeGreaterThan(newest.id);
  });
});
