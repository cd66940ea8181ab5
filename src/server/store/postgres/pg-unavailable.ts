import { StoreUnavailableError, type UnavailableReason } from "../store-unavailable";

/** SQLSTATE classes and codes that mean the server, not the statement, is at fault, and which fault. */
const serverAtFault: [RegExp, UnavailableReason][] = [
  [/^08/, "unreachable"], // connection exception
  [/^57P0[1-4]$/, "unreachable"], // admin or crash shutdown, cannot connect now, database dropped
  [/^25006$/, "unreachable"], // read-only transaction (a standby answered)
  [/^53300$/, "busy"], // too many connections
  [/^53/, "cannot_write"], // insufficient resources: disk full, out of memory
  [/^58/, "cannot_write"], // system error (I/O)
  [/^40001$/, "busy"], // serialization failure: a retry may succeed
  [/^40P01$/, "busy"], // deadlock detected
  [/^55P03$/, "busy"], // lock not available
  [/^57014$/, "busy"], // query cancelled: the statement timeout
];

/** Node's own errors when the server cannot be reached. */
const unreachable =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|EAI_AGAIN|ENETUNREACH)$/;

/** node-postgres's errors, which carry no code. */
const clientMessages: [RegExp, UnavailableReason][] = [
  [/^timeout exceeded when trying to connect$/, "busy"], // the pool's connections all stayed in use
  [
    /Connection terminated|Client has encountered a connection error|Client was closed|Query read timeout/,
    "unreachable",
  ],
];

/** The store's own error for a PostgreSQL or connection error that means the database is unavailable. */
export function postgresUnavailable(error: unknown): StoreUnavailableError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    const reason = unreachable.test(code)
      ? "unreachable"
      : serverAtFault.find(([pattern]) => pattern.test(code))?.[1];
    if (reason)
      return new StoreUnavailableError(reason, `PostgreSQL ${code}: ${error.message}`, { cause: error });
  }
  const reason = clientMessages.find(([pattern]) => pattern.test(error.message))?.[1];
  return reason && new StoreUnavailableError(reason, `PostgreSQL: ${error.message}`, { cause: error });
}
