import { afterAll, describe, expect, it } from "vitest";
import type { Event } from "../../contract/event";
import { modelList } from "../test/event-model";
import type { EventScope, EventStore } from "./event-store";
import { eventFilterCases, filterScopes } from "./test-filter-cases";
import { allOrgs, fixtureNowMs, logContainerEvent, seededStore } from "./test-fixture";
import { describeEachStore, freshStores } from "./test-store-factories";

const byId = (a: Event, b: Event) => a.id - b.id;

describeEachStore(async (factory) => {
  const fixture = await seededStore(factory, 3000);
  afterAll(async () => {
    await fixture.close();
  });
  const { store, world, events } = fixture;
  const ids = events.map((event) => event.id).sort((a, b) => a - b);
  const middle = ids[Math.floor(ids.length / 2)] ?? 0;
  const fresh = freshStores(factory);

  describe("eventsAfter and latestEventId", () => {
    it("the latest id is the largest event id, 0 in an empty store", async () => {
      expect(await store.latestEventId()).toBe(ids.at(-1));
      expect(await (await fresh()).store.latestEventId()).toBe(0);
    });

    const scopes: [string, EventScope][] = [
      ...filterScopes.map(([name, scope]): [string, EventScope] => [name, scope]),
      ["failures of org 2", { orgIds: [2], failuresOnly: true }],
      ["ACCESS events of org 1's reach", { orgIds: [1, 2, 3], containerType: "ACCESS" }],
    ];
    it.each(scopes)("%s: the events after an id, in id order, as the list answers them", async (_, scope) => {
      const expected = modelList(events, scope, {}, []).sort(byId);
      expect(await store.eventsAfter(scope, {}, 0, 10_000)).toEqual(expected);
      const after = expected.filter((event) => event.id > middle);
      expect(await store.eventsAfter(scope, {}, middle, 10_000)).toEqual(after);
      expect(await store.eventsAfter(scope, {}, middle, 7)).toEqual(after.slice(0, 7));
    });

    it("every filter narrows them as it narrows the list", async () => {
      for (const [name, filter] of eventFilterCases(events, world)) {
        for (const [, scope] of filterScopes) {
          const expected = modelList(events, scope, filter, []).sort(byId);
          const found = await store.eventsAfter(scope, filter, 0, 10_000);
          expect(
            found.map((event) => event.id),
            name,
          ).toEqual(expected.map((event) => event.id));
        }
      }
    });

    it("an empty reach, or nothing after the latest id, answers none", async () => {
      expect(await store.eventsAfter({ orgIds: [] }, {}, 0, 10)).toEqual([]);
      expect(await store.eventsAfter(allOrgs, {}, ids.at(-1) ?? 0, 10)).toEqual([]);
    });

    it("a reader following the latest id misses no event of concurrent writers on two connections", async () => {
      const other = await fixture.connect();
      const container = world.containers.find((c) => c.organisationId === 3);
      const found = container && (await store.findContainer([3], container.id));
      if (!found) throw new Error("the demo world has no container in organisation 3");
      const write = (on: EventStore) =>
        logContainerEvent(on, found, 1, {
          event_type: "ACCESS",
          status: "SUCCESS",
          timestamp: new Date(fixtureNowMs).toISOString(),
        });
      let cursor = await store.latestEventId();
      const seen: number[] = [];
      const follow = async () => {
        // As a live stream reads: after a short read, every id up to the latest seen before it is done.
        const latest = await store.latestEventId();
        const rows = await store.eventsAfter({ orgIds: [3] }, {}, cursor, 1000);
        seen.push(...rows.map((event) => event.id));
        cursor = Math.max(rows.at(-1)?.id ?? cursor, latest);
      };
      const written = new AbortController();
      const reading = (async () => {
        while (!written.signal.aborted) {
          await follow();
          // Let the writes run: an in-memory store reads without leaving the event loop's turn.
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      try {
        const writtenIds = await Promise.all(
          Array.from({ length: 200 }, (_, i) => write(i % 2 === 0 ? store : other)),
        );
        written.abort();
        await reading;
        await follow();
        expect(seen).toEqual(writtenIds.sort((a, b) => a - b));
      } finally {
        written.abort();
        await other.close();
      }
    });
  });
});
