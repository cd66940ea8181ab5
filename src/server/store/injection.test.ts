import { afterAll, beforeAll, expect, it } from "vitest";
import type { Event } from "../../contract/event";
import type { EventFilter } from "../../contract/filter-fields";
import { demoEvents } from "../demo/demo-events";
import { demoWorld } from "../demo/demo-world";
import { modelList } from "../test/event-model";
import { fixtureNowMs, listAll, logContainerEvent } from "./test-fixture";
import { describeEachStore } from "./test-store-factories";

// Names and descriptions full of SQL, LIKE and FTS5 syntax: each must match as the plain text it is.
describeEachStore(async (factory) => {
  const opened = await factory.open();
  const { store } = opened;
  const world = demoWorld("hash", fixtureNowMs);
  const [payroll, , audit] = world.containers;
  const [gateway] = world.endpoints;
  if (!payroll || !audit || !gateway) throw new Error("demo world too small");
  payroll.name = "Budget 100% final_v2.xlsx.enc";
  audit.name = String.raw`C:\audit\"2025".zip.enc`;
  gateway.name = "gw_1%";
  await store.seed(world, demoEvents(world, 2000, fixtureNowMs));
  const container = await store.findContainer([1], payroll.id);
  if (!container) throw new Error("container missing");
  const tricky = [
    "' OR 1=1 --",
    "100% sure",
    "under_score",
    String.raw`back\slash`,
    'say "hi"',
    "a%b_c",
    "'); DROP TABLE events; --",
    "NEAR(a b) OR x* AND -y",
  ];
  let events: Event[] = [];
  beforeAll(async () => {
    for (const description of tricky) {
      await logContainerEvent(store, container, 1, {
        event_type: "ACCESS",
        status: "SUCCESS",
        timestamp: "2026-11-18T10:00:00Z",
        description,
      });
    }
    events = await listAll(store);
  });
  afterAll(async () => {
    await opened.remove();
  });

  const everyone = { orgIds: [1, 2, 3, 4] };
  const ids = async (filter: EventFilter) =>
    (await store.listEvents(everyone, filter, [], { page: 1, perPage: 1000 })).rows.map((e) => e.id);

  it.each([
    ["description", "' OR 1=1 --"],
    ["description", "%"],
    ["description", "_"],
    ["description", "\\"],
    ["description", '"'],
    ["description", 'say "hi"'],
    ["description", "a%b_c"],
    ["description", "DROP TABLE"],
    ["description", "NEAR(a b) OR x*"],
    ["description", "' OR '1'='1"],
    ["user", "' OR '1'='1"],
    ["organisation", "%"],
    ["endpoint", "_1%"],
    ["endpoint", "%"],
    ["tags", "_"],
    ["container", "c-0001' OR '1'='1"],
    ["imei", "1 OR 1=1"],
  ] as [keyof EventFilter, string][])("%s:%s matches exactly what it says", async (field, value) => {
    const filter = { [field]: [value] } as EventFilter;
    const expected = modelList(events, everyone, filter, []).map((e) => e.id);
    expect(await ids(filter)).toEqual(expected.slice(0, 1000));
    expect(await store.countEvents(everyone, filter)).toBe(expected.length);
  });

  it("the probes hit what they should and nothing more", async () => {
    expect(await store.countEvents(everyone, { description: ["' OR 1=1 --"] })).toBe(1);
    expect(await store.countEvents(everyone, { description: ["a%b_c"] })).toBe(1);
    expect(await store.countEvents(everyone, { description: [String.raw`back\slash`] })).toBe(1);
    expect(await store.countEvents(everyone, { description: ['say "hi"'] })).toBe(1);
    expect(await store.countEvents(everyone, { description: ["%"] })).toBeGreaterThan(2);
    expect(await store.countEvents(everyone, { endpoint: ["gw_1%"] })).toBeGreaterThan(0);
    expect(await store.countEvents(everyone, { endpoint: ["gw_1x"] })).toBe(0);
    expect(await store.countEvents(everyone, {})).toBe(events.length);
  });

  it("container names match literally", async () => {
    const list = async (name: string) =>
      (
        await store.listContainers([1, 2, 3, 4], { name: [name] }, [{ field: "name", desc: false }], {
          page: 1,
          perPage: 100,
        })
      ).rows.map((c) => c.name);
    expect(await list("%")).toEqual(["Budget 100% final_v2.xlsx.enc"]);
    expect(await list("_")).toEqual(["Budget 100% final_v2.xlsx.enc"]);
    expect(await list("\\audit\\")).toEqual([String.raw`C:\audit\"2025".zip.enc`]);
    expect(await list("' OR 1=1 --")).toEqual([]);
  });
});
