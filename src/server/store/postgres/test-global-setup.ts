import type { TestProject } from "vitest/node";
import { startTestCluster } from "./test-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    /** The superuser URL of the run's PostgreSQL server, or "" when there is none. */
    postgresAdminUrl: string;
  }
}

/** One PostgreSQL server for the whole test run, stopped after it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startTestCluster();
  project.provide("postgresAdminUrl", cluster?.adminUrl ?? "");
  return async () => {
    await cluster?.stop();
  };
}
