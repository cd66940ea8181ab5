import type { Container, NewContainerEvent } from "../../contract/container";
import type { Event } from "../../contract/event";
import { demoEvents } from "../demo/demo-events";
import { demoWorld } from "../demo/demo-world";
import type { DemoWorld } from "./event-row";
import type { EventScope, EventStore } from "./event-store";
import { loggedEvent } from "./logged-event";
import type { OpenedStore, StoreFactory, TestStore } from "./test-store-factories";

/** A fixed "now" so every run of the suite sees the same demo data. */
export const fixtureNowMs = Date.UTC(2026, 10, 18, 12);
export const allOrgs: EventScope = { orgIds: [1, 2, 3, 4] };

export type StoreFixture = {
  store: TestStore;
  world: DemoWorld;
  /** Every event, newest first, as `listEvents` answers it. */
  events: Event[];
  /** Re-reads `events` (after inserts). */
  reload(): Event[];
  /** Another connection to the same data; the test closes it. */
  connect(): TestStore;
  close(): void;
};

export function listAll(store: EventStore, scope: EventScope = allOrgs): Event[] {
  const rows: Event[] = [];
  for (let page = 1; ; page++) {
    const { rows: chunk } = store.listEvents(scope, {}, [{ field: "timestamp", desc: true }], {
      page,
      perPage: 1000,
    });
    rows.push(...chunk);
    if (chunk.length < 1000) return rows;
  }
}

/** Seeds an opened, empty store with the demo world of `fixtureNowMs` and `count` events. */
export function seedDemoStore(opened: OpenedStore, count: number): StoreFixture {
  const { store } = opened;
  const world = demoWorld("scrypt$test$hash", fixtureNowMs);
  store.seed(world, demoEvents(world, count, fixtureNowMs));
  const fixture: StoreFixture = {
    store,
    world,
    events: listAll(store),
    reload: () => (fixture.events = listAll(store)),
    connect: () => opened.connect(),
    close: () => {
      opened.remove();
    },
  };
  return fixture;
}

/** A new store of the factory's backend, seeded with the demo world and `count` events. */
export const seededStore = (factory: StoreFactory, count = 6000): StoreFixture =>
  seedDemoStore(factory.open(), count);

/** Logs one container event as the single POST does, and answers its id. */
export async function logContainerEvent(
  store: EventStore,
  container: Container,
  userId: number,
  event: NewContainerEvent,
): Promise<number> {
  const [id] = await store.insertContainerEvents([loggedEvent(container, userId, event)]);
  if (id === undefined) throw new Error("the store answered no id");
  return id;
}
