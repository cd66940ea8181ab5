import { expect, type Page } from "@playwright/test";
import { apiPaths } from "../src/contract/api-paths";
import { apiGet, apiLogin } from "./fixtures/api";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { login } from "./fixtures/login";
import { capture, capturePhone } from "./fixtures/screenshots";
import { test } from "./fixtures/test";
import { acmeAdmin } from "./fixtures/users";

const sidebar = (page: Page) => page.getByRole("complementary", { name: "Top values" });
const facet = (page: Page, name: string) => sidebar(page).getByRole("region", { name });
const table = (page: Page) => page.getByRole("table", { name: "Events" });

const digits = (text: string) => Number(text.replace(/\D/g, ""));

async function shownTotal(page: Page): Promise<number> {
  await expect(table(page)).toHaveAttribute("aria-busy", "false");
  return digits(await page.getByRole("navigation", { name: "Pagination" }).locator("strong").innerText());
}

async function apiTotal(page: Page, q: string | undefined): Promise<number> {
  const token = await apiLogin(page.request, acmeAdmin);
  const search = new URLSearchParams({ per_page: "1", ...(q ? { q } : {}) });
  const { headers } = await apiGet(page.request, token, `${apiPaths.orgEvents(1)}?${search.toString()}`);
  return Number(headers["x-total-count"]);
}

/** The values a facet shows with their counts. */
async function facetValues(page: Page, name: string): Promise<{ label: string; count: number }[]> {
  const rows = facet(page, name).locator(".facet-value");
  await expect(rows.first()).toBeVisible();
  const labels = await rows.locator(".facet-label").allInnerTexts();
  const counts = await rows.locator(".facet-count").allInnerTexts();
  return labels.map((label, index) => ({ label, count: digits(counts[index]?.split(/\s/)[0] ?? "") }));
}

test.beforeEach(async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/events");
  await expect(table(page).locator("tbody tr").first()).toBeVisible();
  // Beside a 1280 px table the sidebar starts closed; one click opens it.
  await expect(sidebar(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Top values" }).click();
  await expect(sidebar(page)).toBeVisible();
});

test("top values count the list exactly; a value narrows the list to it", async ({ page }) => {
  const severities = await facetValues(page, "Severity");
  expect(severities.length).toBeGreaterThan(1);
  const total = await shownTotal(page);
  expect(severities.reduce((sum, value) => sum + value.count, 0)).toBe(total);
  await capture(page, "events-top-values");
  await capturePhone(page, "events-top-values");
  await expectNoSeriousAxeViolations(page);

  const warn = severities.find((value) => value.label === "Warn");
  if (!warn) throw new Error("no Warn events in the demo data");
  await facet(page, "Severity").getByRole("button", { name: /^Warn/ }).click();
  await page.waitForURL((url) => url.searchParams.get("q") === "severity:1");
  await expect.poll(() => shownTotal(page)).toBe(warn.count);
  expect(warn.count).toBe(await apiTotal(page, "severity:1"));
  await expect(page.getByRole("button", { name: "Severity: Warn" })).toBeVisible();
});

test("'is not' keeps the field's other values, as repeated chips", async ({ page }) => {
  const severities = await facetValues(page, "Severity");
  const info = severities.find((value) => value.label === "Info");
  if (!info) throw new Error("no Info events in the demo data");
  const total = await shownTotal(page);
  await facet(page, "Severity").getByRole("button", { name: "Filter Severity is not Info" }).click();
  await page.waitForURL((url) => url.searchParams.get("q") === "severity:1,severity:2");
  await expect.poll(() => shownTotal(page)).toBe(total - info.count);
  // Within that, "is not Warn" leaves Critical alone.
  await expect(facet(page, "Severity").getByRole("button", { name: /^Info/ })).toHaveCount(0);
  await facet(page, "Severity").getByRole("button", { name: "Filter Severity is not Warn" }).click();
  await page.waitForURL((url) => url.searchParams.get("q") === "severity:2");
  expect(await shownTotal(page)).toBe(await apiTotal(page, "severity:2"));
});

test("a user's value filters by username, and the sidebar can be closed for good", async ({ page }) => {
  const users = await facetValues(page, "User");
  const first = users[0];
  if (!first) throw new Error("no users in the demo data");
  await facet(page, "User").locator(".facet-value").first().click();
  await page.waitForURL((url) => url.searchParams.get("q") === `user:${first.label}`);
  expect(first.count).toBeLessThanOrEqual(await shownTotal(page));

  await page.getByRole("button", { name: "Top values" }).click();
  await expect(sidebar(page)).toHaveCount(0);
  await page.reload();
  await expect(table(page).locator("tbody tr").first()).toBeVisible();
  await expect(sidebar(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Top values" })).toHaveAttribute("aria-pressed", "false");
});
