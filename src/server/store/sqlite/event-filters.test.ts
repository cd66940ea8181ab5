import { afterAll, describe, expect, it } from "vitest";
import type { Event } from "../../../contract/event";
import type { EventFilter } from "../../../contract/filter-fields";
import { modelList } from "../../test/event-model";
import type { EventScope } from "../event-store";
import { fixtureNowMs, logContainerEvent, seededStore } from "./test-fixture";
import { planRunner } from "./test-plans";

const fixture = seededStore(6000);
const plans = planRunner(fixture.file);
afterAll(() => {
  plans.close();
  fixture.close();
});
const { store, events } = fixture;
const newestFirst = [{ field: "timestamp" as const, desc: true }];

function listAll(scope: EventScope, filter: EventFilter): { ids: number[]; total: number } {
  const ids: number[] = [];
  let total = -1;
  for (let page = 1; ; page++) {
    const result = store.listEvents(scope, filter, newestFirst, { page, perPage: 1000 });
    total = result.total;
    ids.push(...result.rows.map((e) => e.id));
    if (result.rows.length < 1000) return { ids, total };
  }
}

const find = (predicate: (e: Event) => boolean) => {
  const found = events.find(predicate);
  if (!found) throw new Error("the demo data lacks an event the test needs");
  return found;
};
const withEndpoint = find((e) => e.endpoint !== null && e.organisation.id === 2);
const ipv6 = find((e) => e.endpoint?.ip_address.includes(":") === true);
const nat = fixture.world.endpoints.find((e) => e.name === "truck-002")?.ipAddress ?? "";
const someone = find((e) => e.user?.username.startsWith("mia.") === true);
const middle = events[Math.floor(events.length / 2)] as Event;
const later = events[Math.floor(events.length / 3)] as Event;
const day = (iso: string) => {
  const start = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return { from: start, until: start + 86_400_000 - 1 };
};

const cases: [string, EventFilter][] = [
  ["type", { type: [6] }],
  ["type OR type", { type: [6, 100] }],
  ["type unknown id", { type: [4] }],
  ["source", { source: [1] }],
  ["severity OR", { severity: [1, 2] }],
  ["alert true", { alert: [true] }],
  ["alert false", { alert: [false] }],
  ["status", { status: ["FAILURE"] }],
  ["description", { description: ["denied"] }],
  ["description, other case", { description: ["LOGIN"] }],
  ["description with spaces", { description: ["login denied for"] }],
  ["description whose trigrams all occur apart", { description: ["login for"] }],
  ["description shorter than a trigram", { description: ["tr"] }],
  ["description OR", { description: ["quota", "passphrase"] }],
  ["description, nothing", { description: ["xyzzy"] }],
  ["organisation", { organisation: ["retail"] }],
  ["organisation, several", { organisation: ["ACME"] }],
  ["user by username", { user: [someone.user?.username.slice(0, 8) ?? ""] }],
  ["user by name", { user: ["keller"] }],
  ["user OR", { user: ["keller", "noah"] }],
  ["endpoint", { endpoint: [withEndpoint.endpoint?.name ?? ""] }],
  ["endpoint substring", { endpoint: ["TRUCK-00"] }],
  ["tags", { tags: ["hamburg"] }],
  ["ip_address", { ip_address: [withEndpoint.endpoint?.ip_address ?? ""] }],
  ["ip_address shared by two endpoints", { ip_address: [nat] }],
  ["ip_address IPv6 in capitals", { ip_address: [ipv6.endpoint?.ip_address.toUpperCase() ?? ""] }],
  ["imei", { imei: [withEndpoint.endpoint?.imei ?? ""] }],
  ["imei unknown", { imei: ["123456789012345"] }],
  ["iccid", { iccid: [withEndpoint.sim?.iccid ?? ""] }],
  ["imsi", { imsi: [withEndpoint.imsi?.imsi ?? ""] }],
  ["container", { container: ["c-0002"] }],
  ["container unknown", { container: ["c-9999"] }],
  ["timestamp day", { timestamp: [day(middle.timestamp)] }],
  ["timestamp two days", { timestamp: [day(middle.timestamp), day(later.timestamp)] }],
  [
    "from/until inclusive at both ends",
    { from: [Date.parse(middle.timestamp)], until: [Date.parse(later.timestamp)] },
  ],
  ["AND across fields", { severity: [1], description: ["denied"], organisation: ["logistics"] }],
  ["AND across fields, nothing", { type: [6], container: ["c-0002"] }],
];

describe.each([
  ["org 1 reach", { orgIds: [1, 2, 3] }],
  ["org 4", { orgIds: [4] }],
] as const)("filters in %s", (_, scope) => {
  it.each(cases)("%s: every matching event, and only those", (_label, filter) => {
    const expected = modelList(events, scope, filter, newestFirst).map((e) => e.id);
    const actual = listAll(scope, filter);
    expect(actual.ids).toEqual(expected);
    expect(actual.total).toBe(expected.length);
    expect(store.countEvents(scope, filter)).toBe(expected.length);
    for (const kind of ["walk", "filter"] as const) {
      const rows = plans.list(kind, scope, filter, newestFirst);
      if (rows)
        expect(
          rows.rows.map((e) => e.id),
          kind,
        ).toEqual(expected);
    }
  });
});

it("the cases are not vacuous: only those meant to match nothing do", () => {
  const meantEmpty = [
    "type unknown id",
    "description whose trigrams all occur apart",
    "description, nothing",
    "imei unknown",
    "container unknown",
    "AND across fields, nothing",
  ];
  for (const [label, filter] of cases) {
    const size = modelList(events, { orgIds: [1, 2, 3, 4] }, filter, newestFirst).length;
    if (meantEmpty.includes(label)) expect(size, label).toBe(0);
    else expect(size, label).toBeGreaterThan(0);
  }
});

it("from/until include events stamped exactly at either end", () => {
  const at = Date.parse(middle.timestamp);
  const { ids } = listAll({ orgIds: [1, 2, 3, 4] }, { from: [at], until: [at] });
  expect(ids).toContain(middle.id);
  expect(listAll({ orgIds: [1, 2, 3, 4] }, { from: [at + 1], until: [at + 1000] }).ids).not.toContain(
    middle.id,
  );
});

it("a description holding NUL is found by a filter holding NUL, and breaks no query", async () => {
  const container = store.findContainer(
    [2],
    fixture.world.containers.find((c) => c.organisationId === 2)?.id ?? "",
  );
  if (!container) throw new Error("the demo world has no container in organisation 2");
  const id = await logContainerEvent(store, container, 2, {
    event_type: "ACCESS",
    status: "FAILURE",
    timestamp: new Date(fixtureNowMs).toISOString(),
    description: "door\0%% forced",
  });
  const scope = { orgIds: [2] };
  for (const value of ["\0%%", "r\0%", "door\0%% f", "\0", "%% forced"])
    expect(listAll(scope, { description: [value] }).ids, JSON.stringify(value)).toEqual([id]);
  expect(listAll(scope, { description: ["door\0x"] }).ids).toEqual([]);
});
