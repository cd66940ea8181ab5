import { afterAll, describe, expect, it } from "vitest";
import type { EventFilter } from "../../contract/filter-fields";
import { modelList } from "../test/event-model";
import type { EventScope } from "./event-store";
import { eventFilterCases, filterScopes, meantEmpty, newestFirst } from "./test-filter-cases";
import { fixtureNowMs, logContainerEvent, seededStore } from "./test-fixture";
import { describeEachStore } from "./test-store-factories";

describeEachStore(async (factory) => {
  const fixture = await seededStore(factory, 6000);
  afterAll(async () => {
    await fixture.close();
  });
  const { store, events } = fixture;

  async function listAll(scope: EventScope, filter: EventFilter): Promise<{ ids: number[]; total: number }> {
    const ids: number[] = [];
    let total = -1;
    for (let page = 1; ; page++) {
      const result = await store.listEvents(scope, filter, newestFirst, { page, perPage: 1000 });
      total = result.total;
      ids.push(...result.rows.map((e) => e.id));
      if (result.rows.length < 1000) return { ids, total };
    }
  }

  const cases = eventFilterCases(events, fixture.world);
  const middle = events[Math.floor(events.length / 2)];
  if (!middle) throw new Error("the demo data has no events");

  describe.each(filterScopes)("filters in %s", (_, scope) => {
    it.each(cases)("%s: every matching event, and only those", async (_label, filter) => {
      const expected = modelList(events, scope, filter, newestFirst).map((e) => e.id);
      const actual = await listAll(scope, filter);
      expect(actual.ids).toEqual(expected);
      expect(actual.total).toBe(expected.length);
      expect(await store.countEvents(scope, filter)).toBe(expected.length);
    });
  });

  it("the cases are not vacuous: only those meant to match nothing do", () => {
    for (const [label, filter] of cases) {
      const size = modelList(events, { orgIds: [1, 2, 3, 4] }, filter, newestFirst).length;
      if (meantEmpty.includes(label)) expect(size, label).toBe(0);
      else expect(size, label).toBeGreaterThan(0);
    }
  });

  it("from/until include events stamped exactly at either end", async () => {
    const at = Date.parse(middle.timestamp);
    const { ids } = await listAll({ orgIds: [1, 2, 3, 4] }, { from: [at], until: [at] });
    expect(ids).toContain(middle.id);
    expect(
      (await listAll({ orgIds: [1, 2, 3, 4] }, { from: [at + 1], until: [at + 1000] })).ids,
    ).not.toContain(middle.id);
  });

  /** Logs a failed access with this description on a container of organisation 2; answers its id. */
  async function logInOrg2(description: string): Promise<number> {
    const container = await store.findContainer(
      [2],
      fixture.world.containers.find((c) => c.organisationId === 2)?.id ?? "",
    );
    if (!container) throw new Error("the demo world has no container in organisation 2");
    return logContainerEvent(store, container, 2, {
      event_type: "ACCESS",
      status: "FAILURE",
      timestamp: new Date(fixtureNowMs).toISOString(),
      description,
    });
  }

  it("a filter value holding NUL breaks no query and matches nothing (the contract refuses NUL in stored text)", async () => {
    const id = await logInOrg2("door%% forced");
    const scope = { orgIds: [2] };
    expect((await listAll(scope, { description: ["%% forced"] })).ids).toEqual([id]);
    for (const value of ["\0%%", "door\0%% f", "\0"]) {
      for (const filter of [
        { description: [value] },
        { user: [value] },
        { container: [value] },
        { tags: [value] },
      ])
        expect((await listAll(scope, filter)).ids, JSON.stringify(filter)).toEqual([]);
    }
    expect((await listAll(scope, { description: ["\0", "%% forced"] })).ids).toEqual([id]);
  });

  it("folds the case of ASCII letters only, on every backend alike", async () => {
    const id = await logInOrg2("Zugriff ÄRGERLICH verweigert");
    const scope = { orgIds: [2] };
    for (const value of ["zUGRIFF", "ÄRGERLICH", "Ärgerlich verWEIGERT"])
      expect((await listAll(scope, { description: [value] })).ids, value).toEqual([id]);
    for (const value of ["ärgerlich", "äRGERLICH"])
      expect((await listAll(scope, { description: [value] })).ids, value).toEqual([]);
  });
});
