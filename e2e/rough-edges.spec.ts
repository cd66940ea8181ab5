import { expect, type Page } from "@playwright/test";
import { login } from "./fixtures/login";
import { test } from "./fixtures/test";
import { acmeAdmin } from "./fixtures/users";

const q = (page: Page) => new URL(page.url()).searchParams.get("q");

async function addFilter(
  page: Page,
  field: string,
  fill: (editor: ReturnType<Page["getByRole"]>) => Promise<void>,
) {
  await page.getByRole("button", { name: "Add filter" }).click();
  const editor = page.getByRole("dialog", { name: "Add filter" });
  await editor.getByLabel("Field").selectOption({ label: field });
  await fill(editor);
  await editor.getByRole("button", { name: "Apply filter" }).click();
}

test("switching organisation keeps the filters, the order and the tab", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/failures?view=by_access&q=status%3AFAILURE&sort=-id&page=2");
  await expect(page.getByRole("link", { name: "Access" })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Organisation").selectOption({ label: "Acme Logistics" });
  await page.waitForURL(/\/orgs\/2\/failures\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("view")).toBe("by_access");
  expect(url.searchParams.get("q")).toBe("status:FAILURE");
  expect(url.searchParams.get("sort")).toBe("-id");
  expect(url.searchParams.get("page")).toBeNull();
  await expect(page.getByRole("link", { name: "Access" })).toHaveAttribute("aria-current", "page");
});

test("a time range's end picked to the minute keeps that minute's last seconds", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/events");
  await addFilter(page, "Time range", async (editor) => {
    await editor.getByLabel("From").fill("2026-11-01T00:00");
    await editor.getByLabel("Until").fill("2026-11-30T23:59");
  });
  await page.waitForURL((url) => (url.searchParams.get("q") ?? "").includes("until:"));
  expect(q(page)).toMatch(/until:2026-\d\d-\d\dT\d\d:\d\d:59\.999Z$/);
});

test("adding a filter that is already there adds no second chip", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/events?q=status%3AFAILURE");
  await expect(page.getByRole("button", { name: "Status: Failure" })).toBeVisible();
  await addFilter(page, "Status", async (editor) => {
    await editor.getByLabel("Value").selectOption({ label: "Failure" });
  });
  await expect(page.getByRole("button", { name: "Status: Failure" })).toHaveCount(1);
  expect(q(page)).toBe("status:FAILURE");
});
