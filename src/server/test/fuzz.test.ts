import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { containerListSchema } from "../../contract/container";
import { apiErrorSchema, errorStatuses } from "../../contract/error";
import { queryString, rawPercent, text } from "./fuzz-arbitraries";
import { startTestServer, type Reply } from "./server-fixture";

const server = await startTestServer({ seedEvents: 1000 });
afterAll(() => server.close());
const token = server.tokens.acme.auth_token;

const containers = containerListSchema.parse((await server.get("/orgs/1/containers", { token })).json);
const cid = encodeURIComponent(containers[0]?.id ?? "none");

/** Ends a property run early on a slow machine; the runs made so far still count. */
const budget = (numRuns: number, ms: number) => ({ numRuns, interruptAfterTimeLimit: ms });

const listPaths = [
  "/organisation/my/event",
  "/organisation/1/event",
  "/organisation/4/event",
  "/orgs/1/events",
  "/orgs/2/events",
  "/orgs/1/container_events/by_fail",
  "/orgs/1/container_events/by_access",
  `/orgs/1/containers/${cid}/events`,
  "/orgs/1/containers",
];

function expectWellFormed(reply: Reply, allowed: number[]): void {
  expect(reply.status, reply.text.slice(0, 200)).toBeLessThan(500);
  expect(allowed, `${reply.status} ${reply.text.slice(0, 200)}`).toContain(reply.status);
  for (const [name, value] of reply.headers) expect(value, name).toMatch(/^[\x20-\x7e]*$/);
  if (reply.status >= 400) {
    const body = apiErrorSchema.parse(reply.json);
    expect(errorStatuses[body.error]).toBe(reply.status);
    if (reply.status === 400) expect(body.param, body.message).toBeTypeOf("string");
  }
}

describe("fuzzing the list parameters", () => {
  it("never answers 5xx; 400s are JSON naming the parameter", async () => {
    const statuses = { ok: 0, filtered: 0, bad: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...listPaths), queryString, fc.boolean(), async (path, query, csv) => {
        const csvAllowed = csv && !path.endsWith("/containers");
        const reply = await server.get(path, {
          token,
          query,
          headers: csvAllowed ? { accept: "text/csv" } : {},
        });
        expectWellFormed(reply, [200, 400]);
        if (reply.status === 200) statuses.ok++;
        if (reply.status === 200 && reply.headers.get("x-filter") !== null) statuses.filtered++;
        if (reply.status === 400) {
          statuses.bad++;
          expect(["page", "per_page", "sort", "q", "bom"]).toContain((reply.json as { param: string }).param);
        } else if (csvAllowed) {
          expect(reply.text.replace(/^\uFEFF/, "")).toMatch(/^id,timestamp,/);
        } else {
          expect(Array.isArray(reply.json)).toBe(true);
          expect(Number(reply.headers.get("x-total-count"))).toBeGreaterThanOrEqual(0);
        }
      }),
      budget(1600, 30_000),
    );
    // The runs must reach the store, not only the validators.
    expect(statuses.ok).toBeGreaterThan((statuses.ok + statuses.bad) / 5);
    expect(statuses.filtered).toBeGreaterThan((statuses.ok + statuses.bad) / 10);
  });
});

describe("fuzzing paths, bodies and tokens", () => {
  const segment = fc.oneof(
    text,
    rawPercent,
    fc.nat().map(String),
    fc.constantFrom("my", "1", "2", "4", "..", "."),
  );

  it("path segments: 200, 400 or 404 only", async () => {
    await fc.assert(
      fc.asyncProperty(
        segment,
        segment,
        fc.constantFrom("events", "containers", "c", "c/events", "by"),
        async (org, container, shape) => {
          const o = encodeURIComponent(org);
          const c = encodeURIComponent(container);
          const path = {
            events: `/orgs/${o}/events`,
            containers: `/orgs/${o}/containers`,
            c: `/orgs/${o}/containers/${c}`,
            "c/events": `/orgs/${o}/containers/${c}/events`,
            by: `/organisation/${o}/event`,
          }[shape];
          expectWellFormed(await server.get(path, { token }), [200, 400, 404]);
        },
      ),
      budget(200, 10_000),
    );
  });

  it("POST bodies: 201, 400 or 413 only", async () => {
    const key = fc.constantFrom(
      "event_type",
      "timestamp",
      "status",
      "description",
      "event",
      "id",
      "x",
      "__proto__",
      "constructor",
    );
    const value = fc.oneof(
      fc.constantFrom(
        "ACCESS",
        "BLOCK",
        "FAILURE",
        "SUCCESS",
        "2026-01-01T00:00:00Z",
        new Date().toISOString(),
        null,
        true,
        0,
        -1,
        1e308,
      ),
      text,
      fc.jsonValue({ maxDepth: 2 }),
    );
    const body = fc.oneof(
      fc.dictionary(key, value, { maxKeys: 5 }),
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ event: fc.dictionary(key, value) }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (json) => {
        const reply = await server.request("POST", `/orgs/1/containers/${cid}/events`, {
          token,
          rawBody: JSON.stringify(json),
        });
        expectWellFormed(reply, [201, 400, 413]);
      }),
      budget(300, 10_000),
    );
  });

  it("Authorization headers: 401 unless it is the real token", async () => {
    const header = fc.oneof(
      fc.string({ unit: "grapheme-ascii", maxLength: 60 }),
      fc.string({ unit: "grapheme-ascii", maxLength: 60 }).map((t) => `Bearer ${t}`),
      fc.nat({ max: token.length - 1 }).map((i) => `Bearer ${token.slice(0, i)}${token.slice(i + 1)}`),
    );
    await fc.assert(
      fc.asyncProperty(header, async (authorization) => {
        const reply = await server.get("/me", { headers: { authorization } });
        expectWellFormed(reply, [401]);
        expect(reply.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
      }),
      budget(200, 10_000),
    );
  });
});
