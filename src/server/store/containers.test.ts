import { afterAll, expect, it } from "vitest";
import type { Container } from "../../contract/container";
import type { ContainerSortField } from "../../contract/sort-fields";
import { demoWorld } from "../demo/demo-world";
import { blockingEvent } from "./blocking-event";
import { fixtureNowMs } from "./test-fixture";
import { describeEachStore } from "./test-store-factories";

describeEachStore(async (factory) => {
  const opened = await factory.open();
  const { store } = opened;
  const world = demoWorld("hash", fixtureNowMs);
  await store.seed(world, []);
  afterAll(async () => {
    await opened.remove();
  });
  const acme = [1, 2, 3];
  const list = (
    orgIds: number[],
    filter = {},
    sort: { field: ContainerSortField; desc: boolean }[] = [{ field: "name", desc: false }],
    page = { page: 1, perPage: 100 },
  ) => store.listContainers(orgIds, filter, sort, page);

  it("finds a container within the reach only", async () => {
    const c = world.containers.find((x) => x.organisationId === 2);
    if (!c) throw new Error("no container");
    const found = await store.findContainer(acme, c.id);
    expect(found).toEqual({
      id: c.id,
      name: c.name,
      organisation: { id: 2, name: "Acme Logistics" },
      created_at: new Date(c.createdAtMs).toISOString().replace(".000Z", "Z"),
      expires_at: c.expiresAtMs === null ? null : new Date(c.expiresAtMs).toISOString().replace(".000Z", "Z"),
      blocked: c.blocked,
    });
    expect(await store.findContainer([2], c.id)).toEqual(found);
    expect(await store.findContainer([3, 4], c.id)).toBeUndefined();
    expect(await store.findContainer([], c.id)).toBeUndefined();
    expect(await store.findContainer(acme, "c-9999")).toBeUndefined();
  });

  it("lists the reach's containers by name, ties by id", async () => {
    const { rows, total } = await list(acme);
    const expected = world.containers
      .filter((c) => acme.includes(c.organisationId))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
    expect(rows.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(total).toBe(expected.length);
    // Acme Group and Acme Logistics both keep a "Q3 payroll.xlsx.enc": the tie goes to the lower id.
    const twins = rows.filter((c) => c.name === "Q3 payroll.xlsx.enc");
    expect(twins).toHaveLength(2);
    expect(twins.map((c) => c.id)).toEqual(twins.map((c) => c.id).sort());
  });

  it.each([
    ["created_at", false],
    ["created_at", true],
    ["expires_at", false],
    ["expires_at", true],
    ["name", true],
  ] as [ContainerSortField, boolean][])("sorts by %s (desc: %s), nulls last", async (field, desc) => {
    const rows = (await list([1, 2, 3, 4], {}, [{ field, desc }])).rows;
    const key = (c: Container) => c[field];
    for (let i = 1; i < rows.length; i++) {
      const a = key(rows[i - 1] as Container);
      const b = key(rows[i] as Container);
      if (b === null) continue;
      expect(a).not.toBeNull();
      if (a !== null) expect(desc ? a >= b : a <= b, `${a} then ${b}`).toBe(true);
    }
    if (field === "expires_at") expect(rows.at(-1)?.expires_at).toBeNull();
  });

  it("filters by name substring (any case) and blocked, OR within a field", async () => {
    expect((await list(acme, { name: ["PAYROLL"] })).rows.map((c) => c.name)).toEqual([
      "Q3 payroll.xlsx.enc",
      "Q3 payroll.xlsx.enc",
    ]);
    expect((await list([1, 2, 3, 4], { name: ["payroll", "reactor"] })).total).toBe(4);
    const blocked = (await list([1, 2, 3, 4], { blocked: [true] })).rows;
    expect(blocked.length).toBeGreaterThanOrEqual(4);
    expect(blocked.every((c) => c.blocked)).toBe(true);
    expect((await list([1, 2, 3, 4], { blocked: [true, false] })).total).toBe(world.containers.length);
    expect((await list(acme, { name: ["payroll"], blocked: [false] })).total).toBe(1);
  });

  it("pages", async () => {
    const all = (await list(acme)).rows.map((c) => c.id);
    expect(await list(acme, {}, undefined, { page: 2, perPage: 3 })).toEqual({
      rows: (await list(acme)).rows.slice(3, 6),
      total: all.length,
    });
    expect(await list(acme, {}, undefined, { page: 99, perPage: 50 })).toEqual({
      rows: [],
      total: all.length,
    });
    expect(await list([])).toEqual({ rows: [], total: 0 });
  });

  it("blocks and unblocks a container with its BLOCK event, once for concurrent calls, counts kept", async () => {
    const target = world.containers.find((c) => c.organisationId === 3 && !c.blocked);
    const admin = world.users.find((u) => u.role === "admin" && u.organisationId === 1);
    if (!target || !admin) throw new Error("no open container in Acme Retail, or no Acme admin");
    const container = await store.findContainer(acme, target.id);
    if (!container) throw new Error("the container is not found");
    const blockEvents = { orgIds: acme, containerId: target.id, containerType: "BLOCK" } as const;
    const event = (blocked: boolean) => blockingEvent(container, admin, { blocked }, fixtureNowMs);
    const other = await opened.connect();
    try {
      const calls = [store, other, store, other].map((s) =>
        s.setContainerBlocked(acme, target.id, true, event(true)),
      );
      const outcomes = await Promise.all(calls);
      const changes = outcomes.filter((o) => typeof o === "object");
      expect(outcomes.filter((o) => o === "unchanged")).toHaveLength(3);
      expect(changes).toEqual([
        { container: { ...container, blocked: true }, eventId: expect.any(Number) as number },
      ]);
      const eventId = changes[0]?.eventId ?? 0;
      expect(await store.findEvent(acme, eventId)).toMatchObject({
        event_type: { description: "BLOCK" },
        user: { id: admin.id },
        container: { id: target.id },
      });
      expect(await store.countEvents(blockEvents, {})).toBe(1);
      expect(await store.countEvents({ orgIds: acme, containerType: "BLOCK" }, {})).toBe(1);
      expect((await store.findContainer(acme, target.id))?.blocked).toBe(true);

      expect(await store.setContainerBlocked(acme, target.id, false, event(false))).toMatchObject({
        container: { blocked: false },
      });
      expect(await store.setContainerBlocked(acme, target.id, false, event(false))).toBe("unchanged");
      expect(await store.setContainerBlocked([4], target.id, true, event(true))).toBeUndefined();
      expect(await store.countEvents(blockEvents, {})).toBe(2);
      expect((await store.findContainer(acme, target.id))?.blocked).toBe(false);
    } finally {
      await other.close();
    }
  });
});
