import { inject } from "vitest";

/** The superuser URL of the test run's PostgreSQL server, or undefined when there is none. */
export function testAdminUrl(): string | undefined {
  return inject("postgresAdminUrl") || undefined;
}
