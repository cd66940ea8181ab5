import { afterAll, describe, expect, it } from "vitest";
import type { Event } from "../../contract/event";
import { formatQuery } from "../../contract/query-grammar";
import { eventMatches, expectedEvents } from "./event-model";
import { expectError, getPage, ids, listAll, startTestServer } from "./server-fixture";

const server = await startTestServer();
afterAll(() => server.close());
const token = server.tokens.acme.auth_token;
const all = (await listAll(server, token, "/orgs/1/events")).rows;

function pick(what: string, test: (e: Event) => boolean, from: readonly Event[] = all): Event {
  const found = from.find(test);
  if (!found) throw new Error(`the demo data has no event with ${what}`);
  return found;
}

const withEverything = pick(
  "user, endpoint, sim and imsi",
  (e) => e.user !== null && e.endpoint !== null && e.sim !== null && e.imsi !== null,
);
const user = withEverything.user as NonNullable<Event["user"]>;
const endpoint = withEverything.endpoint as NonNullable<Event["endpoint"]>;
const inContainer = pick("a container", (e) => e.container !== null && e.status === "FAILURE");
const containerId = (inContainer.container as NonNullable<Event["container"]>).id;
const alerted = pick("an alert", (e) => e.alert);
const byTime = [...all].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
const early = byTime[Math.floor(byTime.length / 4)] as Event;
const late = byTime[Math.floor(byTime.length / 2)] as Event;
const otherType = pick("a second event type", (e) => e.event_type.id !== withEverything.event_type.id);
const descriptionWord = (withEverything.description.match(/[A-Za-z]{4,}/) ?? [""])[0];
const ipv6 = pick("an IPv6 endpoint", (e) => e.endpoint?.ip_address.includes(":") === true);
const failed = pick("a reason and address", (e) => e.reason !== null && e.client_ip !== null);
const otherReason = pick("a second reason", (e) => e.reason !== null && e.reason !== failed.reason);
const failedFromIpv6 = pick("a failure from an IPv6 address", (e) => e.client_ip?.includes(":") === true);

/** Mixed case on purpose: the text filters are case-insensitive. */
const swapCase = (text: string) =>
  Array.from(text)
    .map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase()))
    .join("");
const q = (field: string, value: string) => formatQuery([{ field, value }]);
const count = (query: string) => expectedEvents(all, query, "-timestamp").length;

/**
 * A word that a space stands beside in some descriptions and not in others (the first such in the data), so
 * the spaced filter selects some but not all of the word's events: a server that trimmed it would answer more.
 */
function spacedFilter(side: "before" | "after"): { query: string; word: string; match: Event } {
  const spaced = (word: string) => q("description", side === "before" ? ` ${word}` : `${word} `);
  const words = new Set(all.flatMap((e) => e.description.match(/[A-Za-z]{4,}/g) ?? []));
  const word = [...words].find((w) => count(spaced(w)) > 0 && count(spaced(w)) < count(q("description", w)));
  if (word === undefined) throw new Error(`the demo data has no word sometimes with a space ${side} it`);
  return {
    query: spaced(word),
    word,
    match: pick(`a match of ${spaced(word)}`, (e) => eventMatches(e, spaced(word))),
  };
}
const leadingSpace = spacedFilter("before");
const trailingSpace = spacedFilter("after");

/** Filters with an event the answer must contain (undefined where nothing may match). */
const filters: [string, Event | undefined][] = [
  [q("type", String(withEverything.event_type.id)), withEverything],
  [`type:${withEverything.event_type.id},type:${otherType.event_type.id}`, otherType],
  ["type:100", pick("an ACCESS", (e) => e.event_type.id === 100)],
  [`source:${withEverything.event_source.id}`, withEverything],
  ["source:0,source:2", undefined],
  [`severity:${withEverything.event_severity.id}`, withEverything],
  ["severity:1,severity:2", undefined],
  ["alert:true", alerted],
  ["alert:false", pick("no alert", (e) => !e.alert)],
  ["status:SUCCESS", pick("a success", (e) => e.status === "SUCCESS")],
  ["status:FAILURE", inContainer],
  [q("description", swapCase(descriptionWord)), withEverything],
  [q("description", withEverything.description.toUpperCase()), withEverything],
  // Spaces are part of the value: a leading space only matches where a word starts mid-text.
  [leadingSpace.query, leadingSpace.match],
  [trailingSpace.query, trailingSpace.match],
  ["organisation:acme retail", pick("org 3", (e) => e.organisation.id === 3)],
  ["organisation:ACME", withEverything],
  ["organisation:Acme Logistics,organisation:Acme Retail", pick("org 2", (e) => e.organisation.id === 2)],
  [q("user", swapCase(user.username.slice(0, 5))), withEverything],
  [q("user", user.name.slice(1, -1)), withEverything],
  [q("user", user.username), withEverything],
  [q("endpoint", swapCase(endpoint.name.slice(1))), withEverything],
  [q("tags", endpoint.tags.split(/[ ,;]/)[0] ?? endpoint.tags), withEverything],
  [q("tags", endpoint.tags.toUpperCase()), withEverything],
  [q("ip_address", endpoint.ip_address), withEverything],
  [q("ip_address", ipv6.endpoint?.ip_address ?? ""), ipv6],
  [q("ip_address", ipv6.endpoint?.ip_address.toUpperCase() ?? ""), ipv6],
  ["ip_address:::1", undefined],
  [q("imei", endpoint.imei), withEverything],
  [q("imei", endpoint.imei.slice(0, 6)), undefined],
  [q("iccid", withEverything.sim?.iccid ?? ""), withEverything],
  [q("imsi", withEverything.imsi?.imsi ?? ""), withEverything],
  [q("container", containerId), inContainer],
  [q("reason", failed.reason ?? ""), failed],
  [`${q("reason", failed.reason ?? "")},${q("reason", otherReason.reason ?? "")}`, otherReason],
  ["reason:no_such_reason", undefined],
  [q("client_ip", failed.client_ip ?? ""), failed],
  [q("client_ip", failedFromIpv6.client_ip?.toUpperCase() ?? ""), failedFromIpv6],
  [`${q("client_ip", failed.client_ip ?? "")},${q("reason", failed.reason ?? "")},status:FAILURE`, failed],
  ["client_ip:192.0.2.254", undefined],
  [q("timestamp", withEverything.timestamp.slice(0, 10)), withEverything],
  [q("timestamp", withEverything.timestamp), withEverything],
  [`from:${early.timestamp},until:${late.timestamp}`, early],
  [`from:${early.timestamp},until:${late.timestamp}`, late],
  [`from:${late.timestamp},until:${late.timestamp}`, late],
  [`until:${late.timestamp},from:${early.timestamp},severity:1`, undefined],
  // AND across fields.
  [`severity:${withEverything.event_severity.id},source:${withEverything.event_source.id}`, withEverything],
  [`alert:true,status:FAILURE`, undefined],
  [`${q("container", containerId)},status:FAILURE,type:${inContainer.event_type.id}`, inContainer],
  [`organisation:retail,type:${otherType.event_type.id},type:100`, undefined],
  // Well-formed values that match nothing, and text the store must not read as SQL or LIKE patterns.
  ["type:99999", undefined],
  ["container:no-such-container", undefined],
  ["description:%", undefined],
  ["description:_", undefined],
  ["tags:%_%", undefined],
  ["description:' OR '1'='1", undefined],
  ['user:" OR 1=1 --', undefined],
  ["description:a\\,b", undefined],
  ["description:\\\\", undefined],
];

describe("every q field against the reference model", () => {
  it.each(filters)("q=%s", async (query, mustContain) => {
    const expected = expectedEvents(all, query, "-timestamp");
    const { rows, total } = await listAll(server, token, "/orgs/1/events", { q: query });
    for (const row of rows) expect(eventMatches(row, query), `row ${row.id}`).toBe(true);
    expect(ids(rows)).toEqual(ids(expected));
    expect(total).toBe(expected.length);
    if (mustContain) expect(ids(rows)).toContain(mustContain.id);
  });

  it("the filters above are not all trivially empty or everything", () => {
    const sizes = filters.map(([query]) => expectedEvents(all, query, "-timestamp").length);
    expect(sizes.filter((n) => n > 0 && n < all.length).length).toBeGreaterThan(30);
  });

  it("the spaced filters above would answer differently if the server trimmed values", () => {
    for (const { query } of [leadingSpace, trailingSpace]) {
      const trimmed = formatQuery([
        { field: "description", value: query.slice("description:".length).trim() },
      ]);
      expect(count(query), query).toBeGreaterThan(0);
      expect(count(query), query).toBeLessThan(count(trimmed));
    }
  });

  it("an unknown type id answers 200 [] with x-total-count 0", async () => {
    const reply = await server.get("/orgs/1/events", { token, query: { q: "type:424242" } });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual([]);
    expect(reply.headers.get("x-total-count")).toBe("0");
    expect(reply.headers.get("x-total-pages")).toBe("0");
  });
});

describe("filters on the other lists", () => {
  const cases: [string, string, (e: Event) => boolean][] = [
    ["/organisation/1/event", "severity:2,alert:true", () => true],
    ["/organisation/my/event", q("user", user.username), () => true],
    ["/orgs/2/events", "status:FAILURE", (e) => e.organisation.id === 2],
    [
      "/orgs/1/container_events/by_fail",
      q("container", containerId),
      (e) => e.container !== null && e.status === "FAILURE",
    ],
    ["/orgs/1/container_events/by_access", "status:FAILURE", (e) => e.event_type.id === 100],
    ["/orgs/1/container_events/by_block", "organisation:logistics", (e) => e.event_type.id === 101],
    [
      `/orgs/1/containers/${encodeURIComponent(containerId)}/events`,
      "status:SUCCESS",
      (e) => e.container?.id === containerId,
    ],
    ["/orgs/1/container_events/by_access", "type:101", (e) => e.event_type.id === 100],
  ];
  it.each(cases)("%s?q=%s", async (path, query, belongs) => {
    const expected = expectedEvents(all.filter(belongs), query, "-timestamp");
    const { rows } = await listAll(server, token, path, { q: query });
    expect(ids(rows)).toEqual(ids(expected));
  });
});

describe("bad q values answer 400 with param q and a message naming the field", () => {
  const bad: [string, string][] = [
    ["type:x", "type"],
    ["type:-1", "type"],
    ["source:Network", "source"],
    ["severity:high", "severity"],
    ["alert:yes", "alert"],
    ["status:success", "status"],
    ["ip_address:10.0.0.256", "ip_address"],
    ["ip_address:example.com", "ip_address"],
    ["imei:12ab", "imei"],
    ["reason:Wrong_Password", "reason"],
    ["reason:wrong-password", "reason"],
    [`reason:${"x".repeat(65)}`, "reason"],
    ["client_ip:10.0.0.256", "client_ip"],
    ["client_ip:example.com", "client_ip"],
    ["iccid:89-44", "iccid"],
    ["imsi:3101 5", "imsi"],
    ["timestamp:2026-02-30", "timestamp"],
    ["timestamp:yesterday", "timestamp"],
    [`from:2026-01-01T00:00:00Z`, "from"],
    [`until:2026-01-01T00:00:00Z`, "until"],
    [`from:2026-01-02T00:00:00Z,until:2026-01-01T00:00:00Z`, "from"],
    [`from:2026-01-01T00:00:00Z,from:2026-01-01T00:00:00Z,until:2026-01-02T00:00:00Z`, "from"],
    [`from:2026-01-01,until:2026-01-02T00:00:00Z`, "from"],
    ["colour:red", "colour"],
    ["name:vault", "name"],
    ["description:", "description"],
    ["description", "description"],
    ["description:a\\b", "backslash"],
    ["type:1,", "empty"],
    [",type:1", "empty"],
  ];
  it.each(bad)("q=%s", async (query, named) => {
    const body = expectError(await server.get("/orgs/1/events", { token, query: { q: query } }), 400, "q");
    expect(body.message).toContain(named);
  });

  it("the same errors on the seed-2 endpoint and the container views", async () => {
    for (const path of ["/organisation/my/event", "/orgs/1/container_events/by_fail"]) {
      expectError(await server.get(path, { token, query: { q: "severity:x" } }), 400, "q");
    }
  });

  it("a good filter after a bad one still fails", async () => {
    expectError(await server.get("/orgs/1/events", { token, query: { q: "alert:maybe,type:1" } }), 400, "q");
  });
});

describe("filtered paging", () => {
  it("headers describe the filtered total", async () => {
    const query = "status:FAILURE";
    const expected = expectedEvents(all, query, "-timestamp");
    const page = await getPage(server, token, "/orgs/1/events", { q: query, per_page: 10, page: 2 });
    expect(page.total).toBe(expected.length);
    expect(page.totalPages).toBe(Math.ceil(expected.length / 10));
    expect(ids(page.rows)).toEqual(ids(expected.slice(10, 20)));
  });
});

describe("reason and client_ip stay within the caller's reach", () => {
  it("the same address and reason list only the caller's organisations' failures", async () => {
    const globexToken = server.tokens.globex.auth_token;
    const globexAll = (await listAll(server, globexToken, "/orgs/4/events")).rows;
    const shared = pick(
      "a failure of Globex from an address Acme's failures share",
      (e) => all.some((a) => a.client_ip === e.client_ip && a.reason === e.reason),
      globexAll.filter((e) => e.client_ip !== null),
    );
    const query = `${q("client_ip", shared.client_ip ?? "")},${q("reason", shared.reason ?? "")}`;
    const globexRows = (await listAll(server, globexToken, "/orgs/4/events", { q: query })).rows;
    expect(ids(globexRows)).toEqual(ids(expectedEvents(globexAll, query, "-timestamp")));
    expect(globexRows.every((e) => e.organisation.id === 4)).toBe(true);
    const acmeRows = (await listAll(server, token, "/orgs/1/events", { q: query })).rows;
    expect(acmeRows.length).toBeGreaterThan(0);
    expect(acmeRows.some((e) => e.organisation.id === 4)).toBe(false);
    expectError(await server.get("/orgs/4/events", { token, query: { q: query } }), 404);
  });
});
