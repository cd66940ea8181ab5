import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const apiTarget = process.env.EVENTDESK_API ?? "http://localhost:8080";

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist/web", emptyOutDir: true },
  server: {
    proxy: { "/api": apiTarget, "/healthz": apiTarget },
  },
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    globalSetup: ["src/server/store/postgres/test-global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
