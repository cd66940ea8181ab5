import { afterAll, describe, expect, it } from "vitest";
import { containerEventTypes } from "../../contract/catalogue";
import type { Container } from "../../contract/container";
import { modelList } from "../test/event-model";
import type { EventScope } from "./event-store";
import { logContainerEvent, seededStore } from "./test-fixture";
import { describeEachStore } from "./test-store-factories";

const newestFirst = [{ field: "timestamp" as const, desc: true }];

describeEachStore(async (factory) => {
  const fixture = await seededStore(factory, 5000);
  afterAll(async () => {
    await fixture.close();
  });
  const { store } = fixture;

  async function all(scope: EventScope) {
    const { rows, total } = await store.listEvents(scope, {}, newestFirst, { page: 1, perPage: 1000 });
    const ids = [...rows.map((e) => e.id)];
    for (let page = 2; ids.length < total; page++) {
      ids.push(
        ...(await store.listEvents(scope, {}, newestFirst, { page, perPage: 1000 })).rows.map((e) => e.id),
      );
    }
    return { ids, total };
  }

  const container = async (orgIds: number[], id: string) => {
    const found = await store.findContainer(orgIds, id);
    if (!found) throw new Error(`container ${id} not found`);
    return found;
  };

  describe("scope", () => {
    it("an organisation's reach is itself and its descendants, never another tenant", async () => {
      const acme = await all({ orgIds: [1, 2, 3] });
      const globex = await all({ orgIds: [4] });
      const ofOrg = (ids: number[]) =>
        new Set(fixture.events.filter((e) => ids.includes(e.id)).map((e) => e.organisation.id));
      expect(ofOrg(acme.ids)).toEqual(new Set([1, 2, 3]));
      expect(ofOrg(globex.ids)).toEqual(new Set([4]));
      expect(acme.total + globex.total).toBe(fixture.events.length);
      expect((await all({ orgIds: [2] })).ids).toEqual(
        modelList(fixture.events, { orgIds: [2] }, {}, newestFirst).map((e) => e.id),
      );
    });

    it("an empty or unknown reach lists nothing", async () => {
      expect(await store.listEvents({ orgIds: [] }, {}, newestFirst, { page: 1, perPage: 50 })).toEqual({
        rows: [],
        total: 0,
      });
      expect(await store.listEvents({ orgIds: [99] }, {}, newestFirst, { page: 1, perPage: 50 })).toEqual({
        rows: [],
        total: 0,
      });
    });

    it("the organisation filter only narrows the reach", async () => {
      expect(await store.countEvents({ orgIds: [4] }, { organisation: ["acme"] })).toBe(0);
      expect(await store.countEvents({ orgIds: [1, 2, 3] }, { organisation: ["retail"] })).toBe(
        (await all({ orgIds: [3] })).total,
      );
    });

    it.each(containerEventTypes)(
      "by_%s lists the container events of that type, both statuses",
      async (type) => {
        const scope: EventScope = { orgIds: [1, 2, 3, 4], containerType: type };
        const { ids } = await all(scope);
        expect(ids).toEqual(modelList(fixture.events, scope, {}, newestFirst).map((e) => e.id));
        const rows = fixture.events.filter((e) => ids.includes(e.id));
        expect(rows.every((e) => e.container !== null && e.event_type.description === type)).toBe(true);
        expect(new Set(rows.map((e) => e.status))).toEqual(new Set(["SUCCESS", "FAILURE"]));
      },
    );

    it("by_fail lists failed container events only", async () => {
      const scope: EventScope = { orgIds: [1, 2, 3], failuresOnly: true };
      const { ids } = await all(scope);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(modelList(fixture.events, scope, {}, newestFirst).map((e) => e.id));
    });

    it("one container's events, only within the reach", async () => {
      const id = fixture.world.containers.find((c) => c.organisationId === 2)?.id ?? "";
      const { ids } = await all({ orgIds: [1, 2, 3], containerId: id });
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(fixture.events.filter((e) => e.container?.id === id).map((e) => e.id));
      expect((await all({ orgIds: [4], containerId: id })).total).toBe(0);
    });

    it("a page past the end is empty but still counts", async () => {
      const { total } = await all({ orgIds: [4] });
      const past = await store.listEvents({ orgIds: [4] }, {}, newestFirst, { page: 10_000, perPage: 1000 });
      expect(past).toEqual({ rows: [], total });
      const huge = await store.listEvents({ orgIds: [4] }, {}, newestFirst, {
        page: Number.MAX_SAFE_INTEGER,
        perPage: 1000,
      });
      expect(huge.rows).toEqual([]);
    });
  });

  describe("insertContainerEvent", async () => {
    const target: Container = await container([1, 2, 3], "c-0006");
    it("the target container belongs to Acme Logistics", () => {
      expect(target.organisation.id).toBe(2);
    });

    it("stores the event as the contract prescribes and lists it at once", async () => {
      const before = await store.countEvents({ orgIds: [1, 2, 3] }, {});
      const beforeAccess = await store.countEvents({ orgIds: [1, 2, 3], containerType: "ACCESS" }, {});
      const beforeFail = await store.countEvents(
        { orgIds: [1, 2, 3], failuresOnly: true },
        { description: ["unit test probe"] },
      );
      const fromThere = { reason: ["geo_blocked"], client_ip: ["2001:db8:ff::17"] };
      const beforeFromThere = await store.countEvents({ orgIds: [1, 2, 3] }, fromThere);
      const id = await logContainerEvent(store, target, 2, {
        event_type: "ACCESS",
        status: "FAILURE",
        timestamp: "2026-11-18T12:30:00.250Z",
        description: "unit test probe",
        reason: "geo_blocked",
        client_ip: "2001:DB8:FF::17",
      });
      expect(id).toBeGreaterThan(Math.max(...fixture.events.map((e) => e.id)));
      // Counts taken before the write (a store may cache them) move with it.
      expect(await store.countEvents({ orgIds: [1, 2, 3] }, {})).toBe(before + 1);
      expect(await store.countEvents({ orgIds: [1, 2, 3], containerType: "ACCESS" }, {})).toBe(
        beforeAccess + 1,
      );
      expect(
        await store.countEvents(
          { orgIds: [1, 2, 3], failuresOnly: true },
          { description: ["unit test probe"] },
        ),
      ).toBe(beforeFail + 1);
      expect(await store.countEvents({ orgIds: [1, 2, 3] }, fromThere)).toBe(beforeFromThere + 1);
      const [event] = (
        await store.listEvents({ orgIds: [2] }, { description: ["UNIT TEST PROBE"] }, newestFirst, {
          page: 1,
          perPage: 5,
        })
      ).rows;
      expect(event).toEqual({
        id,
        timestamp: "2026-11-18T12:30:00.250Z",
        alert: false,
        description: "unit test probe",
        status: "FAILURE",
        event_type: { id: 100, description: "ACCESS" },
        event_source: { id: 2, description: "API" },
        event_severity: { id: 1, description: "Warn" },
        organisation: target.organisation,
        user: { id: 2, username: "support@acme.test", name: "Sam Okafor" },
        endpoint: null,
        sim: null,
        imsi: null,
        container: { id: target.id, name: target.name },
        reason: "geo_blocked",
        client_ip: "2001:db8:ff::17",
      });
    });

    it("describes an event that came without a description, with severity Info on success", async () => {
      const id = await logContainerEvent(store, target, 1, {
        event_type: "EXPIRE",
        status: "SUCCESS",
        timestamp: "2026-11-18T13:00:00Z",
      });
      const event = (
        await store.listEvents(
          { orgIds: [1, 2, 3], containerId: target.id },
          {},
          [{ field: "id", desc: true }],
          {
            page: 1,
            perPage: 1,
          },
        )
      ).rows[0];
      expect(event?.id).toBe(id);
      expect(event?.timestamp).toBe("2026-11-18T13:00:00Z");
      expect(event?.event_severity).toEqual({ id: 0, description: "Info" });
      expect(event?.description).toBe(`EXPIRE SUCCESS on container ${target.name} (${target.id})`);
    });

    it("is durable: a fresh connection sees it", async () => {
      const id = await logContainerEvent(store, target, 1, {
        event_type: "BLOCK",
        status: "SUCCESS",
        timestamp: "2026-11-18T14:00:00Z",
      });
      const other = await fixture.connect();
      try {
        const [first] = (
          await other.listEvents({ orgIds: [2] }, {}, [{ field: "id", desc: true }], {
            page: 1,
            perPage: 1,
          })
        ).rows;
        expect(first?.id).toBe(id);
      } finally {
        await other.close();
      }
    });

    it("notices rows another connection committed, in its counts too", async () => {
      const before = await store.countEvents({ orgIds: [2] }, {});
      const other = await fixture.connect();
      try {
        await logContainerEvent(other, target, 1, {
          event_type: "CREATE",
          status: "SUCCESS",
          timestamp: "2026-11-18T15:00:00Z",
        });
      } finally {
        await other.close();
      }
      expect(await store.countEvents({ orgIds: [2] }, {})).toBe(before + 1);
    });
  });
});
