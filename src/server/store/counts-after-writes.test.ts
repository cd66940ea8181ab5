import { afterAll, describe, expect, it } from "vitest";
import type { EventFilter } from "../../contract/filter-fields";
import { modelList } from "../test/event-model";
import type { EventScope } from "./event-store";
import { allOrgs, fixtureNowMs, logContainerEvent, seededStore } from "./test-fixture";
import { describeEachStore } from "./test-store-factories";

const views: [string, EventScope, EventFilter][] = [
  ["the reach", allOrgs, {}],
  ["failed container events", { orgIds: [1, 2, 3], failuresOnly: true }, {}],
  ["a source", { orgIds: [2] }, { source: [2] }],
  ["a status", allOrgs, { status: ["FAILURE"] }],
];

describeEachStore(async (factory) => {
  const fixture = await seededStore(factory, 3000);
  afterAll(async () => {
    await fixture.close();
  });

  /** Counted from the events themselves, the way no cache or tally can. */
  const trueCount = async (scope: EventScope, filter: EventFilter) =>
    modelList(await fixture.reload(), scope, filter, []).length;

  describe("counts after writes", async () => {
    const { store, world } = fixture;
    const container = await store.findContainer(
      [2],
      world.containers.find((c) => c.organisationId === 2)?.id ?? "",
    );
    if (!container) throw new Error("the demo world has no container in organisation 2");

    it("starts equal to the events", async () => {
      for (const [, scope, filter] of views)
        expect(await store.countEvents(scope, filter)).toBe(await trueCount(scope, filter));
    });

    it("follows this connection's writes", async () => {
      const before: number[] = [];
      for (const [, scope, filter] of views) before.push(await store.countEvents(scope, filter));
      await logContainerEvent(store, container, 2, {
        event_type: "ACCESS",
        status: "FAILURE",
        timestamp: new Date(fixtureNowMs).toISOString(),
      });
      for (const [i, [, scope, filter]] of views.entries()) {
        expect(await store.countEvents(scope, filter)).toBe(await trueCount(scope, filter));
        expect(await store.countEvents(scope, filter)).toBe((before[i] ?? 0) + 1);
      }
    });

    it("follows another connection's writes", async () => {
      const other = await fixture.connect();
      try {
        await logContainerEvent(other, container, 2, {
          event_type: "BLOCK",
          status: "SUCCESS",
          timestamp: new Date(fixtureNowMs).toISOString(),
        });
      } finally {
        await other.close();
      }
      for (const [, scope, filter] of views)
        expect(await store.countEvents(scope, filter)).toBe(await trueCount(scope, filter));
    });
  });
});
