/**
 * Why the store cannot answer now: its disk refuses writes, another writer holds it, its file is gone, or its
 * database server cannot be reached.
 */
export type UnavailableReason = "cannot_write" | "busy" | "file_lost" | "unreachable";

/** The store cannot serve this request now; the request itself was fine and may be retried later. */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";

  constructor(
    readonly reason: UnavailableReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The store's typed refusal, if `error` is one: what the HTTP layer answers as 503. */
export function asStoreUnavailable(error: unknown): StoreUnavailableError | undefined {
  return error instanceof StoreUnavailableError ? error : undefined;
}
