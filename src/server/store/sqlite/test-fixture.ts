import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Container, NewContainerEvent } from "../../../contract/container";
import type { Event } from "../../../contract/event";
import { demoEvents } from "../../demo/demo-events";
import { demoWorld } from "../../demo/demo-world";
import type { DemoWorld } from "../event-row";
import type { EventScope, EventStore } from "../event-store";
import { loggedEvent } from "../logged-event";
import { openSqliteStore } from "./sqlite-store";

/** A fixed "now" so every run of the suite sees the same demo data. */
export const fixtureNowMs = Date.UTC(2026, 10, 18, 12);
export const allOrgs: EventScope = { orgIds: [1, 2, 3, 4] };

export type StoreFixture = {
  store: EventStore;
  file: string;
  world: DemoWorld;
  /** Every event, newest first, as `listEvents` answers it. */
  events: Event[];
  /** Re-reads `events` (after inserts). */
  reload(): Event[];
  close(): void;
};

export function tempDbFile(): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "eventdesk-store-"));
  return {
    file: join(dir, "nested", "eventdesk.db"),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

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

/** A temporary SQLite store seeded with the demo world and `count` events. */
export function seededStore(count = 6000): StoreFixture {
  const temp = tempDbFile();
  const store = openSqliteStore(temp.file);
  const world = demoWorld("scrypt$test$hash", fixtureNowMs);
  store.seed(world, demoEvents(world, count, fixtureNowMs));
  const fixture: StoreFixture = {
    store,
    file: temp.file,
    world,
    events: listAll(store),
    reload: () => (fixture.events = listAll(store)),
    close() {
      store.close();
      temp.remove();
    },
  };
  return fixture;
}

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
