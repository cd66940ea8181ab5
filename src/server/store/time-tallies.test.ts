import { afterAll, expect, it } from "vitest";
import type { EventFilter } from "../../contract/filter-fields";
import { modelList } from "../test/event-model";
import { byValue, facetGroupsOf } from "../test/facet-model";
import type { EventScope } from "./event-store";
import { fixtureNowMs, logContainerEvent, seededStore } from "./test-fixture";
import { describeEachStore } from "./test-store-factories";

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;
const reach: EventScope = { orgIds: [1, 2, 3] };
const newestFirst = [{ field: "timestamp" as const, desc: true }];

// Counts, facets of tallied fields and histograms of whole hours under a time range read the day and hour
// tallies and count only partial hours on the events (ADR 0010): every case below starts and ends mid-hour,
// and runs after writes made once the store was seeded.
describeEachStore(async (factory) => {
  const fixture = await seededStore(factory, 3000);
  afterAll(async () => {
    await fixture.close();
  });
  const { store, world } = fixture;
  const written = [
    { at: fixtureNowMs - 2 * dayMs - 17 * minuteMs, status: "FAILURE" as const },
    { at: fixtureNowMs - 2 * dayMs - 17 * minuteMs + 1, status: "SUCCESS" as const },
    { at: fixtureNowMs - 3 * hourMs - 1, status: "FAILURE" as const },
    { at: fixtureNowMs - 8 * dayMs + 7 * minuteMs, status: "FAILURE" as const },
  ];
  for (const [i, { at, status }] of written.entries()) {
    const container = world.containers.filter((c) => c.organisationId === (i % 3) + 1)[i];
    const found = container && (await store.findContainer([container.organisationId], container.id));
    if (!found) throw new Error("the demo world has too few containers");
    await logContainerEvent(store, found, 1, {
      event_type: "ACCESS",
      timestamp: new Date(at).toISOString(),
      status,
    });
  }
  const events = await fixture.reload();

  const from = fixtureNowMs - 9 * dayMs + 17 * minuteMs + 23_456;
  const until = fixtureNowMs - 2 * hourMs - 1234;
  const cases: [string, EventScope, EventFilter][] = [
    ["no filter", reach, {}],
    ["severity", reach, { severity: [0, 2] }],
    ["type and alert", reach, { type: [1, 2, 3], alert: [true] }],
    ["the failures view", { ...reach, failuresOnly: true }, {}],
    ["status of one organisation", { orgIds: [2] }, { status: ["FAILURE"] }],
    ["a user (no tally)", reach, { user: ["a"] }],
  ];
  const intervals = [15 * minuteMs, hourMs, 6 * hourMs, dayMs];

  it.each(cases)("counts %s per bucket exactly, adding up to the list's total", async (_, scope, extra) => {
    const filter: EventFilter = { ...extra, from: [from], until: [until] };
    const matching = modelList(events, scope, filter, newestFirst);
    expect(matching.length).toBeGreaterThan(0);
    const total = await store.countEvents(scope, filter);
    expect(total).toBe(matching.length);
    for (const intervalMs of intervals) {
      const startMs = Math.floor(from / intervalMs) * intervalMs;
      const expected = new Map<number, number>();
      for (const event of matching) {
        const bucket = Math.floor((Date.parse(event.timestamp) - startMs) / intervalMs);
        expected.set(bucket, (expected.get(bucket) ?? 0) + 1);
      }
      const answered = new Map(await store.histogram(scope, filter, { startMs, intervalMs }));
      for (const [bucket, n] of answered) if (n === 0) answered.delete(bucket);
      expect(answered, `${String(intervalMs / minuteMs)} min`).toEqual(expected);
    }
  });

  it.each(cases)("groups %s by every tallied and sparse facet field exactly", async (_, scope, extra) => {
    const filter: EventFilter = { ...extra, from: [from], until: [until] };
    const matching = modelList(events, scope, filter, newestFirst);
    const fields = [
      ...["type", "severity", "source", "status", "alert", "organisation"],
      ...["user", "container", "reason", "client_ip"],
    ] as const;
    const groups = await store.facetGroups(scope, filter, fields);
    for (const field of fields) {
      expect(byValue(groups[field] ?? []), field).toEqual(facetGroupsOf(matching, field));
    }
  });

  it("counts a range that starts and ends within one hour on the events alone", async () => {
    const [first] = written;
    if (!first) throw new Error("no write");
    const filter: EventFilter = { from: [first.at - 1], until: [first.at + 1] };
    const expected = modelList(events, reach, filter, newestFirst).length;
    expect(expected).toBeGreaterThanOrEqual(2);
    expect(await store.countEvents(reach, filter)).toBe(expected);
    const answered = await store.histogram(reach, filter, {
      startMs: first.at - (first.at % dayMs),
      intervalMs: dayMs,
    });
    expect(answered).toEqual([[0, expected]]);
  });
});
