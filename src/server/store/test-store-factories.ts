import { afterEach, describe } from "vitest";
import type { AccountStore } from "./account-store";
import type { EventStore } from "./event-store";
import { postgresStoreFactory } from "./postgres/test-fixture";
import { sqliteStoreFactory, sqliteThreadsStoreFactory } from "./sqlite/test-fixture";

/** What the behavioural suite tests: both interfaces, as a backend implements them on one store. */
export type TestStore = EventStore & AccountStore;

/** One store's data, with the connections a test may open to it. */
export type OpenedStore = {
  /** The store the test works with; `reopen()` replaces it. */
  readonly store: TestStore;
  /** Another connection to the same data, as a second server process opens it; the test closes it. */
  connect(): Promise<TestStore>;
  /** Closes `store` and opens the same data again, as a restarted server does; answers the new `store`. */
  reopen(): Promise<TestStore>;
  /** Closes `store` and deletes the data. */
  remove(): Promise<void>;
};

/** How the behavioural suite gets stores of one backend. */
export type StoreFactory = {
  /** Names the backend in the tests' titles. */
  name: string;
  /** A new store with its schema and no data, which no other test sees. */
  open(): Promise<OpenedStore>;
};

/**
 * Every backend the behavioural suite (`src/server/store/*.test.ts`) runs against. PostgreSQL joins when the
 * test run has a server (see `postgres/test-global-setup.ts`, which says loudly when it has none).
 */
export function storeFactories(): StoreFactory[] {
  const postgres = postgresStoreFactory();
  return [sqliteStoreFactory, sqliteThreadsStoreFactory, ...(postgres ? [postgres] : [])];
}

/** Declares `suite` once for every backend, under the backend's name, with its factory. */
export function describeEachStore(suite: (factory: StoreFactory) => void | Promise<void>): void {
  for (const factory of storeFactories()) {
    describe(factory.name, async () => {
      await suite(factory);
    });
  }
}

/** A function that opens a new empty store of `factory` for one test; each is removed after its test. */
export function freshStores(factory: StoreFactory): () => Promise<OpenedStore> {
  const opened: OpenedStore[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.remove()));
  });
  return async () => {
    const store = await factory.open();
    opened.push(store);
    return store;
  };
}
