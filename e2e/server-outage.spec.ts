import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { serverPort } from "./fixtures/server";
import { acmeAdmin } from "./fixtures/users";

// A server of its own, so this spec can stop and restart it without disturbing the other specs' server.
const port = serverPort + 11;
const origin = `http://127.0.0.1:${String(port)}`;
const database = join(tmpdir(), `eventdesk-e2e-outage-${String(process.pid)}.db`);

function startServer(): ChildProcess {
  return spawn(process.execPath, ["dist/server/main.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      EVENTDESK_HOST: "127.0.0.1",
      EVENTDESK_DB: database,
      EVENTDESK_SEED_EVENTS: "3000",
      EVENTDESK_DEMO_PASSWORD: acmeAdmin.password,
      EVENTDESK_STATIC_DIR: process.env.EVENTDESK_E2E_STATIC_DIR ?? "dist/web",
    },
    stdio: "ignore",
  });
}

async function waitUntilUp(): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const up = await fetch(`${origin}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the outage server did not start");
}

async function stop(server: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

test.afterAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(database + suffix, { force: true });
});

test("with the server stopped mid-session the page says so, and it recovers by itself when the server returns", async ({
  page,
}) => {
  test.setTimeout(90_000);
  let server = startServer();
  try {
    await waitUntilUp();
    await page.goto(`${origin}/`);
    await page.getByLabel("Username", { exact: true }).fill(acmeAdmin.username);
    await page.getByLabel("Password", { exact: true }).fill(acmeAdmin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/Page 1 of/)).toBeVisible();

    await stop(server);
    // The next page is prefetched; the last one is not, so it must come from the stopped server.
    await page.getByRole("button", { name: "Last page" }).click();
    await expect(page.getByText("Cannot reach the server", { exact: true })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByText(/Trying again automatically/)).toBeVisible();

    server = startServer();
    await waitUntilUp();
    await expect(page.getByText(/Page (\d+) of \1$/)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText("Cannot reach the server", { exact: true })).toHaveCount(0);
  } finally {
    if (server.exitCode === null) await stop(server);
  }
});
