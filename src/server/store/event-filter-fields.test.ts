import { afterAll, expect, it } from "vitest";
import type { Event } from "../../contract/event";
import { eventFilterFieldNames, type EventFilter, type EventFilterField } from "../../contract/filter-fields";
import { allOrgs, seededStore } from "./test-fixture";
import { describeEachStore } from "./test-store-factories";

describeEachStore(async (factory) => {
  const fixture = await seededStore(factory, 1500);
  afterAll(async () => {
    await fixture.close();
  });
  const { store, events } = fixture;
  const total = await store.countEvents(allOrgs, {});

  const find = (predicate: (e: Event) => boolean) => {
    const found = events.find(predicate);
    if (!found) throw new Error("the demo data lacks an event the test needs");
    return found;
  };
  const named = find((e) => e.user !== null && e.endpoint !== null && e.sim !== null && e.imsi !== null);
  const contained = find((e) => e.container !== null);
  const failed = find((e) => e.reason !== null && e.client_ip !== null);
  const at = (e: Event | undefined) => Date.parse(e?.timestamp ?? "");
  const newest = at(events[0]);
  const middle = at(events[Math.floor(events.length / 2)]);
  const oldest = at(events.at(-1));
  const dayMs = 86_400_000;
  const dayOf = (ms: number) => ({ from: ms - (ms % dayMs), until: ms - (ms % dayMs) + dayMs - 1 });
  const unheldId = (id: (e: Event) => number) => Math.max(...events.map(id)) + 1;

  /**
   * For each field of the contract, a filter on a value some events hold and, where there is one, on a value
   * no event holds (every value of `alert` and `status` is held). Typed over the contract's fields, so a new
   * field needs its samples here too.
   */
  const samples: { [F in EventFilterField]: { held: EventFilter; unheld?: EventFilter } } = {
    from: {
      held: { from: [middle], until: [newest] },
      unheld: { from: [newest + 1], until: [newest + dayMs] },
    },
    until: {
      held: { from: [oldest], until: [middle] },
      unheld: { from: [oldest - dayMs], until: [oldest - 1] },
    },
    timestamp: { held: { timestamp: [dayOf(middle)] }, unheld: { timestamp: [dayOf(oldest - dayMs)] } },
    type: { held: { type: [named.event_type.id] }, unheld: { type: [unheldId((e) => e.event_type.id)] } },
    source: {
      held: { source: [named.event_source.id] },
      unheld: { source: [unheldId((e) => e.event_source.id)] },
    },
    severity: {
      held: { severity: [named.event_severity.id] },
      unheld: { severity: [unheldId((e) => e.event_severity.id)] },
    },
    alert: { held: { alert: [true] } },
    status: { held: { status: ["FAILURE"] } },
    description: { held: { description: [named.description] }, unheld: { description: ["no such words"] } },
    organisation: {
      held: { organisation: [named.organisation.name] },
      unheld: { organisation: ["no such organisation"] },
    },
    user: { held: { user: [named.user?.username ?? ""] }, unheld: { user: ["no such user"] } },
    endpoint: {
      held: { endpoint: [named.endpoint?.name ?? ""] },
      unheld: { endpoint: ["no such endpoint"] },
    },
    tags: { held: { tags: [named.endpoint?.tags ?? ""] }, unheld: { tags: ["no such tag"] } },
    ip_address: {
      held: { ip_address: [named.endpoint?.ip_address ?? ""] },
      unheld: { ip_address: ["192.0.2.1"] },
    },
    imei: { held: { imei: [named.endpoint?.imei ?? ""] }, unheld: { imei: ["0"] } },
    iccid: { held: { iccid: [named.sim?.iccid ?? ""] }, unheld: { iccid: ["0"] } },
    imsi: { held: { imsi: [named.imsi?.imsi ?? ""] }, unheld: { imsi: ["0"] } },
    container: { held: { container: [contained.container?.id ?? ""] }, unheld: { container: ["c-9999"] } },
    reason: { held: { reason: [failed.reason ?? ""] }, unheld: { reason: ["no_such_reason"] } },
    client_ip: { held: { client_ip: [failed.client_ip ?? ""] }, unheld: { client_ip: ["192.0.2.1"] } },
  };

  it.each(eventFilterFieldNames)(
    "%s: a value some events hold narrows the count, one none holds gives zero",
    async (field) => {
      const { held, unheld } = samples[field];
      const count = await store.countEvents(allOrgs, held);
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(total);
      if (unheld) expect(await store.countEvents(allOrgs, unheld)).toBe(0);
    },
  );
});
