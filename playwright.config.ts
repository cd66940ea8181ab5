import { defineConfig } from "@playwright/test";
import type { E2eWorkerOptions } from "./e2e/fixtures/test";

/** The specs that run a second time with their servers on PostgreSQL: the smoke test and the events flow. */
const postgresSpecs = ["smoke.spec.ts", "events.spec.ts", "export.spec.ts"];

// No webServer: every spec file starts a server and database of its own (e2e/fixtures/spec-servers.ts).
export default defineConfig<object, E2eWorkerOptions>({
  testDir: "e2e",
  workers: 2,
  retries: 0,
  timeout: 60_000,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  expect: { timeout: 10_000 },
  // A throwaway PostgreSQL server for the second project; without one its tests are skipped, after a notice.
  globalSetup: "./e2e/postgres/global-setup.ts",
  projects: [
    { name: "chromium" },
    { name: "chromium on PostgreSQL", testMatch: postgresSpecs, use: { backend: "postgres" } },
  ],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
