import { expect, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { login } from "./fixtures/login";
import { test } from "./fixtures/test";
import { acmeAdmin } from "./fixtures/users";

const count = new Intl.NumberFormat("en-US");
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
  await page.getByRole("combobox", { name: "Organisation" }).selectOption({ label: "Acme Logistics" });
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

test("the tab is named by the page and its organisation, with one <title>", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/2/failures");
  await expect(page).toHaveTitle("Failed access · Acme Logistics · EventDesk");
  expect(await page.locator("title").count()).toBe(1);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Containers" }).click();
  await expect(page).toHaveTitle("Containers · Acme Logistics · EventDesk");
  expect(await page.locator("title").count()).toBe(1);
});

test("a page number typed in the pager is where the list goes", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/events");
  const pager = page.getByRole("navigation", { name: "Pagination" });
  const input = pager.getByRole("textbox", { name: "Page" });
  await input.fill("7");
  await input.press("Enter");
  await page.waitForURL((url) => url.searchParams.get("page") === "7");
  await input.fill("999999");
  await input.press("Enter");
  await page.waitForURL((url) => Number(url.searchParams.get("page")) > 7);
  const last = Number(new URL(page.url()).searchParams.get("page"));
  await expect(pager).toContainText(`of ${count.format(last)}`);
  await expect(input).toHaveValue(String(last));
});

test("j and k walk the rows, Enter opens one, and ? lists the shortcuts", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/events");
  const rows = page.getByRole("table", { name: "Events" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await page.locator("body").press("j");
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press("k");
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.locator("body").press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Next row of the table");
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
});

test("Critical and Alert look different, and a legend says what the marks mean", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/events?q=severity%3A2");
  const table = page.getByRole("table", { name: "Events" });
  const critical = table.locator(".badge", { hasText: "Critical" }).first();
  await expect(critical).toBeVisible();
  const legend = page.locator(".event-legend");
  await expect(legend).toContainText("Failed");
  await expect(legend).toContainText("Critical");
  await expect(legend).toContainText("Alert");
  const colours = await page.evaluate(() =>
    [".event-legend .badge-critical", ".event-legend .badge-alert"].map((selector) => {
      const element = document.querySelector(selector);
      return element ? getComputedStyle(element).backgroundColor : "";
    }),
  );
  expect(colours[0]).not.toBe(colours[1]);
  await expectNoSeriousAxeViolations(page);
});

test("the log-event form keeps pasted text whole and counts it against the limit", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/containers/c-0001");
  await page.getByRole("button", { name: "Log event" }).click();
  const description = page.getByLabel("Description (optional)");
  await description.fill("x".repeat(2100));
  await expect(description).toHaveValue("x".repeat(2100));
  await expect(page.getByText("2,100 / 2,000 characters")).toBeVisible();
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByText("description must be at most 2000 characters")).toBeVisible();
});

test("the filter editor offers only what the view can hold", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/failures");
  await page.getByRole("button", { name: "Add filter" }).click();
  const editor = page.getByRole("dialog", { name: "Add filter" });
  const fieldOptions = await editor.getByLabel("Field").locator("option").allInnerTexts();
  expect(fieldOptions).toContain("Status");
  expect(fieldOptions).not.toContain("IMEI");
  expect(fieldOptions).not.toContain("Endpoint");
  await editor.getByLabel("Field").selectOption({ label: "Status" });
  expect(await editor.getByLabel("Value").locator("option").allInnerTexts()).toEqual(["Failure"]);
});

test("chips of one field say that they mean any of their values", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/events?q=severity%3A1%2Cseverity%3A2%2Cstatus%3AFAILURE");
  await expect(page.getByRole("button", { name: "Severity (any of): Warn" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Severity (any of): Critical" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Status: Failure" })).toBeVisible();
});
