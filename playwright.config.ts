import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { baseURL, serverPort } from "./e2e/fixtures/server";
import { demoPassword } from "./e2e/fixtures/users";

// Workers load this file too: the env variable makes them and the teardown agree on one throwaway database.
process.env.EVENTDESK_E2E_DB ??= join(tmpdir(), `eventdesk-e2e-${process.pid}-${Date.now()}.db`);
const database = process.env.EVENTDESK_E2E_DB;

export default defineConfig({
  testDir: "e2e",
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  expect: { timeout: 10_000 },
  globalTeardown: "./e2e/fixtures/global-teardown.ts",
  use: {
    baseURL,
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
  webServer: {
    // The server as `npm start` runs it: the bundle `npm run build` makes, under plain node.
    command: "node dist/server/main.js",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: {
      PORT: String(serverPort),
      EVENTDESK_HOST: "127.0.0.1",
      EVENTDESK_DB: database,
      EVENTDESK_SEED_EVENTS: "20000",
      EVENTDESK_DEMO_PASSWORD: demoPassword,
      EVENTDESK_STATIC_DIR: process.env.EVENTDESK_E2E_STATIC_DIR ?? "dist/web",
    },
  },
});
