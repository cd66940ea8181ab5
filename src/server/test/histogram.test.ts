import { afterAll, describe, expect, it } from "vitest";
import { histogramIntervals, histogramSchema, type Histogram } from "../../contract/histogram";
import { expectError, listAll, startTestServer, testNowMs } from "./server-fixture";

const server = await startTestServer({ now: () => testNowMs });
afterAll(() => server.close());
const { acme, globex } = server.tokens;
const dayMs = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

async function histogram(org: number, query: Record<string, string>, token = acme.auth_token) {
  const reply = await server.get(`/orgs/${String(org)}/events/histogram`, { token, query });
  expect(reply.status, reply.text).toBe(200);
  return histogramSchema.parse(reply.json);
}

/** The histogram the list's own rows make: every bucket from the aligned start, zeros included. */
async function fromTheList(path: string, q: string, answer: Histogram): Promise<number[]> {
  const intervalMs = histogramIntervals[answer.interval];
  const startMs = Date.parse(answer.buckets[0]?.start ?? "");
  const counts = answer.buckets.map(() => 0);
  for (const event of (await listAll(server, acme.auth_token, path, { q })).rows) {
    const i = Math.floor((Date.parse(event.timestamp) - startMs) / intervalMs);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

describe("GET /orgs/{org_id}/events/histogram", () => {
  it("counts q's range in aligned buckets, zeros included, adding up to the list's total", async () => {
    const from = iso(testNowMs - 7 * dayMs);
    const until = iso(testNowMs);
    const q = `from:${from},until:${until}`;
    const answer = await histogram(1, { q });
    expect(answer).toMatchObject({ from, until, interval: "1h" });
    // 12:30 seven days back → the 12:00 bucket; 169 hours reach 12:30 today.
    expect(answer.buckets).toHaveLength(7 * 24 + 1);
    expect(answer.buckets[0]?.start).toBe(iso(testNowMs - 7 * dayMs - 30 * 60_000));
    answer.buckets.forEach((bucket, i) => {
      expect(Date.parse(bucket.start) - Date.parse(answer.buckets[0]?.start ?? "")).toBe(i * 3_600_000);
    });
    expect(answer.buckets.some((bucket) => bucket.count === 0)).toBe(true);
    expect(answer.buckets.map((bucket) => bucket.count)).toEqual(
      await fromTheList("/orgs/1/events", q, answer),
    );
    const total = (await server.get("/orgs/1/events", { token: acme.auth_token, query: { q } })).headers;
    expect(answer.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(
      Number(total.get("x-total-count")),
    );
  });

  it("narrows by view and q, with the interval asked for", async () => {
    const q = `severity:2,from:${iso(testNowMs - 20 * dayMs)},until:${iso(testNowMs)}`;
    const answer = await histogram(1, { q, view: "by_fail", interval: "1d" });
    expect(answer.interval).toBe("1d");
    expect(answer.buckets).toHaveLength(21);
    expect(answer.buckets[0]?.start).toBe(iso(Math.floor((testNowMs - 20 * dayMs) / dayMs) * dayMs));
    expect(answer.buckets.map((bucket) => bucket.count)).toEqual(
      await fromTheList("/orgs/1/container_events/by_fail", q, answer),
    );
  });

  it("without from/until covers the 30 days ending now", async () => {
    const answer = await histogram(2, {});
    expect(answer.from).toBe(iso(testNowMs - 30 * dayMs));
    expect(answer.until).toBe(iso(testNowMs));
    expect(answer.interval).toBe("6h");
    const q = `from:${answer.from},until:${answer.until}`;
    expect(answer.buckets.map((bucket) => bucket.count)).toEqual(
      await fromTheList("/orgs/2/events", q, answer),
    );
  });

  it("answers only the caller's reach: another tenant's organisation is a 404", async () => {
    expectError(await server.get("/orgs/1/events/histogram", { token: globex.auth_token }), 404);
    const globexOwn = await histogram(4, {}, globex.auth_token);
    const acmeWhole = await histogram(1, {});
    expect(globexOwn.buckets.length).toBe(acmeWhole.buckets.length);
    expect(globexOwn.buckets.map((b) => b.count)).not.toEqual(acmeWhole.buckets.map((b) => b.count));
  });

  it("answers 400 naming interval, view or q", async () => {
    const token = acme.auth_token;
    const get = (query: string) => server.get("/orgs/1/events/histogram", { token, query });
    expectError(await get("interval=2h"), 400, "interval");
    expectError(await get("interval=1m"), 400, "interval"); // 30 days of minutes: 43,201 buckets
    expectError(await get("interval=1h&interval=1d"), 400, "interval");
    expectError(await get("view=by_nothing"), 400, "view");
    expectError(await get("q=severity:"), 400, "q");
    expectError(await get(`q=from:${iso(testNowMs)}`), 400, "q");
  });
});
