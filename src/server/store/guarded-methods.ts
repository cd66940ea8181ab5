import type { StoreUnavailableError } from "./store-unavailable";

/**
 * The store with every method but `close` running `before` first and leaving as the store's own
 * StoreUnavailableError any error that `unavailable` recognises, so callers need not know a backend's codes.
 */
export function guardedMethods<Store extends { close(): Promise<void> }>(
  store: Store,
  unavailable: (error: unknown) => StoreUnavailableError | undefined,
  before: () => void = () => undefined,
): Store {
  const guarded = { ...store };
  for (const key of Object.keys(store) as (keyof Store)[]) {
    if (key === "close") continue;
    const method = Reflect.get(store, key) as (...args: unknown[]) => Promise<unknown>;
    (guarded as Record<keyof Store, unknown>)[key] = async (...args: unknown[]) => {
      try {
        before();
        return await method(...args);
      } catch (error) {
        throw unavailable(error) ?? error;
      }
    };
  }
  return guarded;
}
