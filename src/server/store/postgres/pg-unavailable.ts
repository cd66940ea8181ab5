import { StoreUnavailableError } from "../store-unavailable";

/** SQLSTATE classes and codes that mean the server, not the statement, is at fault. */
const serverAtFault = [
  /^08/, // connection exception
  /^57P0[1-4]$/, // admin or crash shutdown, cannot connect now, database dropped
  /^53/, // insufficient resources: disk full, out of memory, too many connections
  /^58/, // system error (I/O)
  /^25006$/, // read-only transaction (a standby answered)
  /^40001$/, // serialization failure: a retry may succeed
  /^40P01$/, // deadlock detected
  /^55P03$/, // lock not available
  /^57014$/, // query cancelled: the statement timeout
];

/** Node's own errors when the server cannot be reached, or the pool's when no connection comes in time. */
const unreachable =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|EAI_AGAIN|ENETUNREACH)$/;
const clientMessages =
  /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Client was closed/;

/** The store's own error for a PostgreSQL or connection error that means the database is unavailable. */
export function postgresUnavailable(error: unknown): StoreUnavailableError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === "string" &&
    (serverAtFault.some((pattern) => pattern.test(code)) || unreachable.test(code))
  ) {
    const reason = /^(53|58)/.test(code) ? "cannot_write" : /^(40|55)/.test(code) ? "busy" : "unreachable";
    return new StoreUnavailableError(reason, `PostgreSQL ${code}: ${error.message}`, { cause: error });
  }
  if (clientMessages.test(error.message)) {
    return new StoreUnavailableError("unreachable", `PostgreSQL: ${error.message}`, { cause: error });
  }
  return undefined;
}
