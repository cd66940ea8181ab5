import { expect } from "@playwright/test";
import { removeDatabase, startServer, temporaryDatabase, type E2eServer } from "./fixtures/server";
import { test } from "./fixtures/test";
import { acmeAdmin } from "./fixtures/users";

// This spec stops and restarts its server mid-test, so it starts it itself instead of using the spec server.
test.use({ baseURL: undefined });

const database = temporaryDatabase("outage");

test.afterAll(() => {
  removeDatabase(database);
});

test("with the server stopped mid-session the page says so, and it recovers by itself when the server returns", async ({
  page,
}) => {
  test.setTimeout(90_000);
  let server: E2eServer | undefined = await startServer({ database, seedEvents: 3000 });
  const { url, port } = server;
  try {
    await page.goto(`${url}/`);
    await page.getByLabel("Username", { exact: true }).fill(acmeAdmin.username);
    await page.getByLabel("Password", { exact: true }).fill(acmeAdmin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/Page 1 of/)).toBeVisible();

    await server.stop();
    server = undefined;
    // The next page is prefetched; the last one is not, so it must come from the stopped server.
    await page.getByRole("button", { name: "Last page" }).click();
    await expect(page.getByText("Cannot reach the server", { exact: true })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByText(/Trying again automatically/)).toBeVisible();

    server = await startServer({ database, seedEvents: 3000, port });
    await expect(page.getByText(/Page (\d+) of \1$/)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText("Cannot reach the server", { exact: true })).toHaveCount(0);
  } finally {
    await server?.stop();
  }
});
