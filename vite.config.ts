import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const apiTarget = process.env.EVENTDESK_API ?? "http://localhost:8080";

/**
 * HTTP tests about the SQLite file itself (its WAL, its disk, copies of it, two processes on it) or its read
 * threads (an export's chunks taking turns with lists on one thread).
 */
const sqliteOnlyHttpTests = [
  "answer-cache",
  "app-in-process",
  "concurrent-start",
  "csv-export-abort",
  "csv-export-fairness",
  "csv-export-snapshot",
  "read-only-store",
  "restart",
  "security-headers",
  "sessions",
  "store-file-lost",
].map((name) => `src/server/test/${name}.test.ts`);

/**
 * Whether the tests can have a PostgreSQL server (see `startTestCluster` in src/server/store/postgres): one
 * named by `EVENTDESK_TEST_DATABASE_URL`, or installed server binaries and a user other than root to run them.
 */
function postgresTestServerAvailable(): boolean {
  if (process.env.EVENTDESK_TEST_DATABASE_URL) return true;
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql") : [];
  if (!versions.some((version) => existsSync(`/usr/lib/postgresql/${version}/bin/initdb`))) return false;
  if (process.getuid?.() !== 0) return true;
  try {
    execFileSync("getent", ["passwd", "postgres"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist/web", emptyOutDir: true },
  server: {
    proxy: { "/api": apiTarget, "/healthz": apiTarget },
  },
  test: {
    globalSetup: ["src/server/store/postgres/test-global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["src/**/*.test.{ts,tsx}"] } },
      // The HTTP suite again, its servers on PostgreSQL (the store suite runs every backend itself).
      ...(postgresTestServerAvailable()
        ? [
            {
              extends: true as const,
              test: {
                name: "http on PostgreSQL",
                include: ["src/server/test/*.test.ts"],
                // The fault tests run on a cluster of their own, which they stop and restart.
                exclude: [...sqliteOnlyHttpTests, "src/server/test/postgres-faults.test.ts"],
                env: { EVENTDESK_TEST_BACKEND: "postgres" },
              },
            },
          ]
        : []),
    ],
  },
});
