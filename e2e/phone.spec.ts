import { expect, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { login } from "./fixtures/login";
import { capturePhone } from "./fixtures/screenshots";
import { test } from "./fixtures/test";
import { acmeAdmin } from "./fixtures/users";

test.use({ viewport: { width: 390, height: 844 } });

/** Nothing on the page is wider than the phone: it never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
}

test("on a phone events are cards saying when, how bad, whether it failed and what happened; a card opens its event", async ({
  page,
}) => {
  await login(page, acmeAdmin, "/orgs/1/events");
  const cards = page.getByRole("list", { name: "Events" }).getByRole("listitem");
  await expect(cards.first()).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(cards).toHaveCount(50);
  const first = cards.first();
  await expect(first.locator("time")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  await expect(first.locator(".event-card-description")).not.toBeEmpty();
  await expect(first.locator(".badge").first()).toHaveText(/^(Info|Warn|Critical)$/);
  await expectNoSidewaysScroll(page);
  await expectNoSeriousAxeViolations(page);
  await capturePhone(page, "event-cards");

  await first.click();
  const drawer = page.getByRole("dialog", { name: /^Event \d+$/ });
  await expect(drawer).toBeVisible();
  await expect(page).toHaveURL(/[?&]event=\d+/);
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();

  // The keyboard reaches the cards as it reaches the table's rows.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  await expect(first).toBeFocused();
  await page.keyboard.press("j");
  await expect(cards.nth(1)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(drawer).toBeVisible();
});

test("on a phone the order is a select that writes the URL's sort", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/events");
  const cards = page.getByRole("list", { name: "Events" }).getByRole("listitem");
  const order = page.getByRole("combobox", { name: "Order", exact: true });
  await expect(order).toHaveValue("-timestamp");
  const newest = await cards.first().locator("time").getAttribute("datetime");
  await order.selectOption({ label: "Oldest first" });
  await expect(page).toHaveURL(/[?&]sort=timestamp(&|$)/);
  await expect(cards.first().locator("time")).not.toHaveAttribute("datetime", newest ?? "");
  const oldest = await cards.first().locator("time").getAttribute("datetime");
  expect(Date.parse(oldest ?? "")).toBeLessThan(Date.parse(newest ?? ""));

  await order.selectOption({ label: "Most severe first" });
  await expect(cards.first().locator(".badge").first()).toHaveText("Critical");

  // An order from a link that the select does not offer stays shown as it is.
  await page.goto("/orgs/1/events?sort=source,-id");
  await expect(order).toHaveValue("source,-id");
  await expect(order.locator("option:checked")).toHaveText("Another order (source,-id)");
});

test("on a phone a failure's card names its container and opens the timeline at that moment", async ({
  page,
}) => {
  await login(page, acmeAdmin, "/orgs/1/failures");
  const cards = page.getByRole("list", { name: "Failed container events" }).getByRole("listitem");
  await expect(cards.first()).toBeVisible();
  // Every view's tab is on screen, none cut off at the edge.
  for (const tab of await page.locator(".view-tab").all()) {
    const box = await tab.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  }
  await expectNoSidewaysScroll(page);
  await expectNoSeriousAxeViolations(page);
  await capturePhone(page, "failure-cards");
  const link = cards.first().getByRole("link");
  const name = await link.innerText();
  await link.click();
  await expect(page).toHaveURL(/\/containers\/[^?]+\?at=\d+/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});

test("on a phone the containers list shows each name with its ID and organisation, and its state, without scrolling sideways", async ({
  page,
}) => {
  await login(page, acmeAdmin, "/orgs/1/containers");
  const table = page.getByRole("table", { name: "Containers" });
  await expect(table.getByRole("columnheader")).toHaveText([/^Name/, "State"]);
  const first = table.locator("tbody tr").first();
  await expect(first.getByRole("cell").first()).toContainText(/c-\d{4} · Acme/);
  const frame = await page
    .locator(".data-table-scroll")
    .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(frame.scroll).toBeLessThanOrEqual(frame.client);
  await expectNoSidewaysScroll(page);
  await expectNoSeriousAxeViolations(page);
  await capturePhone(page, "containers");
});
