import { expect, type Page } from "@playwright/test";
import { apiPaths } from "../src/contract/api-paths";
import { apiGet, apiLogin } from "./fixtures/api";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { login } from "./fixtures/login";
import { capture } from "./fixtures/screenshots";
import { test } from "./fixtures/test";
import { acmeAdmin } from "./fixtures/users";

const eventsPath = "/orgs/1/events";

const queryBox = (page: Page) => page.getByRole("combobox", { name: /Query/ });
const suggestions = (page: Page) => page.getByRole("listbox", { name: "Suggestions" }).getByRole("option");
const table = (page: Page) => page.getByRole("table", { name: "Events" });

async function shownTotal(page: Page): Promise<number> {
  await expect(table(page)).toHaveAttribute("aria-busy", "false");
  const total = page.getByRole("navigation", { name: "Pagination" }).locator("strong");
  return Number((await total.innerText()).replace(/[^0-9]/g, ""));
}

async function apiTotal(page: Page, q: string): Promise<number> {
  const token = await apiLogin(page.request, acmeAdmin);
  const search = new URLSearchParams({ per_page: "1", q });
  const { headers } = await apiGet(page.request, token, `${apiPaths.orgEvents(1)}?${search.toString()}`);
  return Number(headers["x-total-count"]);
}

test.beforeEach(async ({ page }) => {
  await login(page, acmeAdmin, eventsPath);
  await expect(table(page).locator("tbody tr").first()).toBeVisible();
});

test("/ focuses the query bar; it completes a field, then a value with its count, and Enter applies it", async ({
  page,
}) => {
  await page.locator("body").press("/");
  await expect(queryBox(page)).toBeFocused();
  await page.keyboard.type("sev");
  await expect(suggestions(page)).toHaveText([/severity:\s*Severity/]);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(queryBox(page)).toHaveValue("severity:");

  const first = suggestions(page).first();
  await expect(first).toBeVisible();
  const count = Number((await first.locator(".query-bar-option-count").innerText()).replace(/[^0-9]/g, ""));
  const label = await first.locator(".query-bar-option-label").innerText();
  await capture(page, "query-bar-suggestions");
  await expectNoSeriousAxeViolations(page);
  await first.click();
  await expect(queryBox(page)).toHaveValue(/^severity:[0-9]+ $/);
  const severity = (await queryBox(page).inputValue()).trim();

  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.searchParams.get("q") === severity);
  await expect(page.getByRole("button", { name: `Severity: ${label}` })).toBeVisible();
  expect(await shownTotal(page)).toBe(count);
  expect(count).toBe(await apiTotal(page, severity));
});

test("value suggestions are counted within the other filters and narrow as the value is typed", async ({
  page,
}) => {
  await page.goto(`${eventsPath}?q=status:FAILURE`);
  await expect(queryBox(page)).toHaveValue("status:FAILURE");
  await queryBox(page).click();
  await page.keyboard.press("End");
  await page.keyboard.type(" user:");
  const options = suggestions(page);
  await expect(options.first()).toBeVisible();
  const firstLabel = await options.first().locator(".query-bar-option-label").innerText();
  const count = Number(
    (await options.first().locator(".query-bar-option-count").innerText()).replace(/[^0-9]/g, ""),
  );
  const username = (await options.first().locator(".query-bar-option-label").innerText()).trim();
  expect(count).toBe(await apiTotal(page, `status:FAILURE,user:${username}`));

  const typed = firstLabel.slice(0, 2);
  await page.keyboard.type(typed);
  await expect
    .poll(async () =>
      (await options.locator(".query-bar-option-label").allInnerTexts()).every((text) =>
        text.toLowerCase().startsWith(typed.toLowerCase()),
      ),
    )
    .toBe(true);
  await expect(options.first()).toBeVisible();
});

test("a query the contract rejects is explained under the bar and changes nothing", async ({ page }) => {
  const before = page.url();
  await queryBox(page).fill("severity:abc");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toHaveText("severity must be a numeric id.");
  await expect(queryBox(page)).toHaveAttribute("aria-invalid", "true");
  expect(page.url()).toBe(before);

  await queryBox(page).fill("colour:red");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toContainText('unknown filter field "colour"');
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(queryBox(page)).toHaveValue("");
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("the bar and the chips show the same filters, whichever is used", async ({ page }) => {
  await queryBox(page).fill("status:FAILURE description:disk full");
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.searchParams.get("q") === "status:FAILURE,description:disk full");
  await expect(page.getByRole("button", { name: "Status: Failure" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Description: disk full" })).toBeVisible();

  await page.getByRole("button", { name: "Remove filter Status" }).click();
  await expect(queryBox(page)).toHaveValue("description:disk full");
  await page.getByRole("button", { name: "Remove filter Description" }).click();
  await expect(queryBox(page)).toHaveValue("");
});
