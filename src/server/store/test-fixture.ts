import type { Container, NewContainerEvent } from "../../contract/container";
import { csvLine, eventCsvValues } from "../../contract/csv";
import type { Event } from "../../contract/event";
import type { EventFilter } from "../../contract/filter-fields";
import type { EventSortField } from "../../contract/sort-fields";
import type { SortTerm } from "../../contract/sort-grammar";
import { demoEvents } from "../demo/demo-events";
import { demoWorld } from "../demo/demo-world";
import type { DemoWorld } from "./event-row";
import type { EventExport, EventScope, EventStore } from "./event-store";
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
  reload(): Promise<Event[]>;
  /** Another connection to the same data; the test closes it. */
  connect(): Promise<TestStore>;
  close(): Promise<void>;
};

export async function listAll(store: EventStore, scope: EventScope = allOrgs): Promise<Event[]> {
  const rows: Event[] = [];
  for (let page = 1; ; page++) {
    const { rows: chunk } = await store.listEvents(scope, {}, [{ field: "timestamp", desc: true }], {
      page,
      perPage: 1000,
    });
    rows.push(...chunk);
    if (chunk.length < 1000) return rows;
  }
}

/** The events of a list, every page read, each as the line a CSV export writes for it. */
export async function listedCsvLines(
  store: EventStore,
  scope: EventScope,
  filter: EventFilter,
  sort: SortTerm<EventSortField>[],
): Promise<string[]> {
  const lines: string[] = [];
  for (let page = 1; ; page++) {
    const { rows } = await store.listEvents(scope, filter, sort, { page, perPage: 1000 });
    lines.push(...rows.map((e) => csvLine(eventCsvValues(e))));
    if (rows.length < 1000) return lines;
  }
}

/** Seeds an opened, empty store with the demo world of `fixtureNowMs` and `count` events. */
export async function seedDemoStore(opened: OpenedStore, count: number): Promise<StoreFixture> {
  const { store } = opened;
  const world = demoWorld("scrypt$test$hash", fixtureNowMs);
  await store.seed(world, demoEvents(world, count, fixtureNowMs));
  const fixture: StoreFixture = {
    store,
    world,
    events: await listAll(store),
    reload: async () => (fixture.events = await listAll(store)),
    connect: () => opened.connect(),
    close: () => opened.remove(),
  };
  return fixture;
}

/** A new store of the factory's backend, seeded with the demo world and `count` events. */
export const seededStore = async (factory: StoreFactory, count = 6000): Promise<StoreFixture> =>
  seedDemoStore(await factory.open(), count);

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

/** Every CSV record an export yields, each with its line end, read to the end. */
export async function exportedLines(exported: EventExport): Promise<string[]> {
  const decoder = new TextDecoder();
  let text = "";
  for (let next = await exported.csv.next(); next.done !== true; next = await exported.csv.next()) {
    text += decoder.decode(next.value, { stream: true });
  }
  return csvRecords(text + decoder.decode());
}

/** Splits CSV text after each line end outside quotes. */
export function csvRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    if (text[at] === '"') quoted = !quoted;
    else if (!quoted && text[at] === "\n") {
      records.push(text.slice(start, at + 1));
      start = at + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records;
}
