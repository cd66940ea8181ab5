import { expect, type Page } from "@playwright/test";
import { apiPaths } from "../src/contract/api-paths";
import { eventListSchema } from "../src/contract/event";
import { apiGet, apiLogin } from "./fixtures/api";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { login } from "./fixtures/login";
import { capture, capturePhone } from "./fixtures/screenshots";
import { test } from "./fixtures/test";
import { acmeAdmin } from "./fixtures/users";

const eventsPath = "/orgs/1/events";

const table = (page: Page) => page.getByRole("table", { name: "Events" });
const bodyRows = (page: Page) => table(page).locator("tbody tr:not(.skeleton-row)");
const total = (page: Page) => page.getByRole("navigation", { name: "Pagination" }).locator("strong");
const header = (page: Page, name: string) => table(page).getByRole("columnheader", { name, exact: true });

/** The column values of the rows on screen, once they are loaded and not stale. */
async function columnTexts(page: Page, column: number): Promise<string[]> {
  await expect(table(page)).toHaveAttribute("aria-busy", "false");
  return bodyRows(page)
    .locator(`td:nth-child(${String(column)})`)
    .allInnerTexts();
}

async function apiTotal(page: Page, search: string): Promise<number> {
  const token = await apiLogin(page.request, acmeAdmin);
  const { headers } = await apiGet(page.request, token, `${apiPaths.orgEvents(1)}?per_page=1&${search}`);
  return Number(headers["x-total-count"]);
}

async function shownTotal(page: Page): Promise<number> {
  await expect(table(page)).toHaveAttribute("aria-busy", "false");
  return Number((await total(page).innerText()).replace(/[^0-9]/g, ""));
}

async function addFilter(page: Page, field: string, value: string, kind: "select" | "text" = "select") {
  await page.getByRole("button", { name: "Add filter" }).click();
  const editor = page.getByRole("dialog", { name: "Add filter" });
  await editor.getByLabel("Field").selectOption({ label: field });
  if (kind === "select") await editor.getByLabel("Value").selectOption({ label: value });
  else await editor.getByLabel("Value").fill(value);
  await editor.getByRole("button", { name: "Apply filter" }).click();
}

test.beforeEach(async ({ page }) => {
  await login(page, acmeAdmin, eventsPath);
  await expect(bodyRows(page).first()).toBeVisible();
});

test("a column header sorts on the server and writes sort to the URL; shift-click adds a second key", async ({
  page,
}) => {
  await header(page, "Type").getByRole("button").click();
  await page.waitForURL(/[?&]sort=type(&|$)/);
  await expect(header(page, "Type")).toHaveAttribute("aria-sort", "ascending");
  const token = await apiLogin(page.request, acmeAdmin);
  const byType = eventListSchema.parse(
    (await apiGet(page.request, token, `${apiPaths.orgEvents(1)}?sort=type&per_page=50`)).body,
  );
  expect(await columnTexts(page, 2)).toEqual(byType.map((event) => event.event_type.description));

  await header(page, "Severity")
    .getByRole("button")
    .click({ modifiers: ["Shift"] });
  await page.waitForURL(/[?&]sort=type%2Cseverity(&|$)|[?&]sort=type,severity(&|$)/);
  await expect(header(page, "Severity")).toHaveAttribute("aria-sort", "ascending");
  await expect(header(page, "Type")).toHaveAttribute("aria-sort", "ascending");
  const byTypeSeverity = eventListSchema.parse(
    (await apiGet(page.request, token, `${apiPaths.orgEvents(1)}?sort=type,severity&per_page=50`)).body,
  );
  await expect
    .poll(() => columnTexts(page, 3))
    .toEqual(byTypeSeverity.map((event) => event.event_severity.description + (event.alert ? "Alert" : "")));

  await header(page, "Type").getByRole("button").click();
  await page.waitForURL(/[?&]sort=-type(&|$)/);
  await expect(header(page, "Type")).toHaveAttribute("aria-sort", "descending");
});

test("filter chips change the rows, the total and q; reload and back/forward restore the view", async ({
  page,
}) => {
  const everything = await shownTotal(page);
  // At least: another spec may have logged an event since the page loaded.
  expect(await apiTotal(page, "")).toBeGreaterThanOrEqual(everything);

  await addFilter(page, "Severity", "Critical");
  await page.waitForURL(/[?&]q=severity%3A2(&|$)/);
  await expect.poll(() => shownTotal(page)).toBe(await apiTotal(page, "q=severity:2"));
  expect(new Set(await columnTexts(page, 3)).size).toBeGreaterThan(0);
  for (const severity of await columnTexts(page, 3)) expect(severity).toMatch(/^Critical/);

  await addFilter(page, "Source", "API");
  await page.waitForURL(/q=severity%3A2%2Csource%3A2/);
  const both = await apiTotal(page, "q=severity:2,source:2");
  await expect.poll(() => shownTotal(page)).toBe(both);
  for (const source of await columnTexts(page, 4)) expect(source).toBe("API");

  await page.reload();
  await expect(page.getByRole("button", { name: "Remove filter Source" })).toBeVisible();
  await expect.poll(() => shownTotal(page)).toBe(both);

  await page.goBack();
  await page.waitForURL(/q=severity%3A2(&|$)/);
  await expect(page.getByRole("button", { name: "Remove filter Source" })).toHaveCount(0);
  await expect.poll(() => shownTotal(page)).toBe(await apiTotal(page, "q=severity:2"));
  await page.goForward();
  await page.waitForURL(/q=severity%3A2%2Csource%3A2/);
  await expect.poll(() => shownTotal(page)).toBe(both);

  await page.getByRole("button", { name: "Remove filter Severity" }).click();
  await page.waitForURL(/q=source%3A2(&|$)/);
  await expect.poll(() => shownTotal(page)).toBe(await apiTotal(page, "q=source:2"));
  await page.getByRole("button", { name: "Remove filter Source" }).click();
  await page.waitForURL((url) => !url.searchParams.has("q"));
  // Specs run in parallel on one server and may log an event meanwhile: the unfiltered total is the one shown
  // at the start (still cached by the page) or the server's current one.
  await expect
    .poll(async () => [everything, await apiTotal(page, "")].includes(await shownTotal(page)))
    .toBe(true);
});

test("page controls move through the server's pages and keep the page in the URL", async ({ page }) => {
  const firstIds = (await table(page).locator("tbody tr").first().textContent()) ?? "";
  await page.getByRole("button", { name: "Next page" }).click();
  await page.waitForURL(/[?&]page=2(&|$)/);
  await expect(table(page).locator("tbody tr").first()).not.toHaveText(firstIds);
  await page.getByRole("button", { name: "Last page" }).click();
  const pages = Math.ceil((await shownTotal(page)) / 50);
  await page.waitForURL(new RegExp(`[?&]page=${String(pages)}(&|$)`));
  await page.getByRole("button", { name: "First page" }).click();
  await page.waitForURL((url) => !url.searchParams.has("page"));
  await expect(table(page).locator("tbody tr").first()).toHaveText(firstIds);
});

test("the detail drawer shows every field, closes on Escape with focus back, and filters by a value", async ({
  page,
}) => {
  const token = await apiLogin(page.request, acmeAdmin);
  const [first] = eventListSchema.parse(
    (await apiGet(page.request, token, `${apiPaths.orgEvents(1)}?per_page=1`)).body,
  );
  if (!first) throw new Error("the seeded organisation has no events");

  const row = bodyRows(page).first();
  await row.focus();
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog", { name: `Event ${String(first.id)}` });
  await expect(drawer).toBeVisible();
  await page.waitForURL(new RegExp(`[?&]event=${String(first.id)}(&|$)`));
  await expect(drawer.getByText(first.description, { exact: true })).toBeVisible();
  const eventSection = drawer.getByRole("region", { name: "Event" });
  await expect(eventSection).toContainText(
    `${first.event_type.description} (id ${String(first.event_type.id)})`,
  );
  await expect(eventSection).toContainText(
    `${first.organisation.name} (id ${String(first.organisation.id)})`,
  );
  for (const section of ["Event", "User", "Endpoint", "SIM", "Container"]) {
    await expect(drawer.getByRole("region", { name: section })).toBeVisible();
  }
  await capture(page, "events-drawer");

  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(row).toBeFocused();
  await page.waitForURL((url) => !url.searchParams.has("event"));

  await row.click();
  await drawer.getByRole("button", { name: "Filter by this value (Type)" }).click();
  await expect(drawer).toBeHidden();
  await page.waitForURL(new RegExp(`[?&]q=type%3A${String(first.event_type.id)}(&|$)`));
  await expect(page.getByRole("button", { name: "Remove filter Type" })).toBeVisible();
  await expect
    .poll(() => shownTotal(page))
    .toBe(await apiTotal(page, `q=type:${String(first.event_type.id)}`));
});

test("an open event in the URL reopens its drawer after a reload", async ({ page }) => {
  await bodyRows(page).nth(2).click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  const title = await drawer.getByRole("heading", { level: 2 }).innerText();
  await page.reload();
  await expect(page.getByRole("dialog", { name: title })).toBeVisible();
});

test("the drawer steps to the previous and next rows, copies the event as JSON and shows what surrounds it", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const ids = (await columnTexts(page, 1)).length;
  expect(ids).toBeGreaterThan(3);
  const token = await apiLogin(page.request, acmeAdmin);
  const listed = eventListSchema.parse(
    (await apiGet(page.request, token, `${apiPaths.orgEvents(1)}?per_page=3`)).body,
  );
  const [first, second, third] = listed;
  if (!first || !second || !third) throw new Error("the seeded organisation has too few events");

  await bodyRows(page).nth(1).click();
  const drawer = (event: { id: number }) => page.getByRole("dialog", { name: `Event ${String(event.id)}` });
  await expect(drawer(second)).toBeVisible();
  await drawer(second).getByRole("button", { name: "Next event ›" }).click();
  await expect(drawer(third)).toBeVisible();
  await page.waitForURL(new RegExp(`[?&]event=${String(third.id)}(&|$)`));
  await drawer(third).getByRole("button", { name: "‹ Previous event" }).click();
  await drawer(second).getByRole("button", { name: "‹ Previous event" }).click();
  await expect(drawer(first).getByRole("button", { name: "‹ Previous event" })).toBeDisabled();
  await expectNoSeriousAxeViolations(page);

  await drawer(first).getByRole("button", { name: "Copy as JSON" }).click();
  await expect(page.getByText(`Event ${String(first.id)} copied as JSON.`)).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(eventListSchema.element.parse(JSON.parse(copied))).toEqual(first);

  await drawer(first)
    .getByRole("button", { name: /^Surrounding events/ })
    .click();
  await expect(drawer(first)).toBeHidden();
  await page.waitForURL((url) => /(^|,)from:.*until:/.test(url.searchParams.get("q") ?? ""));
  const q = new URL(page.url()).searchParams.get("q") ?? "";
  expect(q).toContain(first.container ? `container:${first.container.id}` : first.user ? "user:" : "from:");
  await expect(
    table(page)
      .getByRole("cell", { name: first.description.slice(0, 20) })
      .first(),
  ).toBeVisible();
});

test("a link to an event that is not on the page opens it; one that cannot be shown says so", async ({
  page,
}) => {
  const token = await apiLogin(page.request, acmeAdmin);
  const [oldest] = eventListSchema.parse(
    (await apiGet(page.request, token, `${apiPaths.orgEvents(1)}?per_page=1&sort=timestamp`)).body,
  );
  if (!oldest) throw new Error("the seeded organisation has no events");
  await expect(table(page).getByRole("cell", { name: String(oldest.id), exact: true })).toHaveCount(0);

  await page.goto(`${eventsPath}?event=${String(oldest.id)}`);
  const drawer = page.getByRole("dialog", { name: `Event ${String(oldest.id)}` });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText(oldest.description, { exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await capture(page, "events-permalink");

  await page.goto(`${eventsPath}?event=99999999`);
  const missing = page.getByRole("dialog", { name: "Event 99999999" });
  await expect(missing.getByRole("alert")).toContainText("This event can't be shown");
  await expect(missing).toContainText("not among this organisation's events");
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(missing).toBeHidden();
  await page.waitForURL((url) => !url.searchParams.has("event"));
});

// The URL update commits in a transition, after the click: clicks are asserted with toBeChecked, not check().
test("the column chooser shows and hides columns and keeps the choice in the URL", async ({ page }) => {
  await expect(header(page, "IP address")).toHaveCount(0);
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("checkbox", { name: "IP address" }).click();
  await expect(page.getByRole("checkbox", { name: "IP address" })).toBeChecked();
  await expect(header(page, "IP address")).toBeVisible();
  await page.getByRole("checkbox", { name: "Description" }).click();
  await expect(page.getByRole("checkbox", { name: "Description" })).not.toBeChecked();
  await expect(header(page, "Description")).toHaveCount(0);
  await page.waitForURL(/[?&]cols=/);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("checkbox", { name: "IP address" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Columns" })).toBeFocused();

  await page.reload();
  await expect(header(page, "IP address")).toBeVisible();
  await expect(header(page, "Description")).toHaveCount(0);

  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("checkbox", { name: "IP address" }).click();
  await expect(page.getByRole("checkbox", { name: "IP address" })).not.toBeChecked();
  await page.getByRole("checkbox", { name: "Description" }).click();
  await expect(page.getByRole("checkbox", { name: "Description" })).toBeChecked();
  await page.waitForURL((url) => !url.searchParams.has("cols"));
});

/** The counts in the bars' names, in time order. */
async function barCounts(page: Page): Promise<number[]> {
  const labels = await page
    .getByRole("figure")
    .getByRole("button")
    .evaluateAll((buttons) => buttons.map((button) => button.ariaLabel ?? ""));
  return labels.map((label) => Number(/: ([\d,.\s]+) events$/.exec(label)?.[1]?.replace(/\D/g, "")));
}

test("the histogram covers the whole table, its bars adding up to the total, and a bar narrows it", async ({
  page,
}) => {
  const histogram = page.getByRole("figure");
  await expect(histogram).toHaveAttribute("aria-busy", "false");
  const bars = histogram.getByRole("button");
  await expect(histogram).toContainText(/events from/);
  // The demo's 90 days, in runs of whole UTC days: no more than 48 bars.
  expect(await bars.count()).toBeGreaterThan(20);
  expect(await bars.count()).toBeLessThanOrEqual(48);
  const counts = await barCounts(page);
  expect(counts.reduce((sum, count) => sum + count, 0)).toBe(await shownTotal(page));
  // One tab stop for all of them; the arrow keys and End move between bars.
  const tabStops = histogram.locator('button[tabindex="0"]');
  await expect(tabStops).toHaveCount(1);
  await bars.first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(bars.nth(1)).toBeFocused();
  await page.keyboard.press("End");
  await expect(bars.last()).toBeFocused();
  await expect(tabStops).toHaveCount(1);

  const busiest = counts.map((count, index) => ({ count, index })).sort((a, b) => b.count - a.count)[0];
  if (!busiest) throw new Error("no bars");
  await bars.nth(busiest.index).click();
  await page.waitForURL(/[?&]q=from%3A[^&]*until%3A/);
  await expect(page.getByRole("button", { name: "Remove filter Time" })).toBeVisible();
  await expect.poll(() => shownTotal(page)).toBe(busiest.count);
});

test("dragging across bars, or Shift+arrows then Enter, narrows the time range to the bars passed over", async ({
  page,
}) => {
  const histogram = page.getByRole("figure");
  await expect(histogram).toHaveAttribute("aria-busy", "false");
  const bars = histogram.getByRole("button");
  const counts = await barCounts(page);
  const first = await bars.nth(2).boundingBox();
  const last = await bars.nth(5).boundingBox();
  if (!first || !last) throw new Error("bars not laid out");
  await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width / 2, last.y + last.height / 2, { steps: 4 });
  await expect(histogram).toContainText("Release to narrow the time range");
  await page.mouse.up();
  await page.waitForURL(/[?&]q=from%3A[^&]*until%3A/);
  const dragged = counts.slice(2, 6).reduce((sum, count) => sum + count, 0);
  await expect.poll(() => shownTotal(page)).toBe(dragged);

  // The narrowed range's own bars, by keyboard: the first three.
  await expect(histogram).toHaveAttribute("aria-busy", "false");
  const narrowed = await barCounts(page);
  await bars.first().focus();
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  await expect(histogram).toContainText("Enter narrows the time range");
  await page.keyboard.press("Enter");
  const three = narrowed.slice(0, 3).reduce((sum, count) => sum + count, 0);
  await expect.poll(() => shownTotal(page)).toBe(three);
});

test("a filter the server rejects marks its chip and says why", async ({ page }) => {
  await page.goto(`${eventsPath}?q=ip_address:not-an-ip`);
  const chip = page.getByRole("button", { name: /IP address: not-an-ip/ });
  await expect(chip).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "The server rejected the filters" })).toContainText(
    /ip_address/i,
  );
  await expect(page.getByText("The highlighted filter cannot be applied")).toBeVisible();
  await capture(page, "events-bad-filter");
});

test("an organisation outside the user's reach says it is not found or not visible", async ({ page }) => {
  await page.goto("/orgs/4/events");
  await expect(page.getByRole("alert")).toContainText("not found or is not visible to you");
});

test("the events page has no serious axe violations in light and dark, and screenshots", async ({ page }) => {
  test.setTimeout(120_000);
  await expect(page.getByRole("figure")).toHaveAttribute("aria-busy", "false");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousAxeViolations(page);
  }
  await page.getByRole("button", { name: "Columns" }).click();
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press("Escape");
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  await capture(page, "events");
  await capturePhone(page, "events");
});

test.describe("in a German browser", () => {
  test.use({ locale: "de-DE" });

  test("numbers and times stay English and 24-hour, as the rest of the page", async ({ page }) => {
    const token = await apiLogin(page.request, acmeAdmin);
    const { headers } = await apiGet(page.request, token, `${apiPaths.orgEvents(1)}?per_page=1`);
    const expected = Number(headers["x-total-count"]).toLocaleString("en-US");
    expect(expected).toContain(",");
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(`${expected} events`);
    const caption = page.getByRole("figure").locator("figcaption");
    // The year shows only when the last 30 days span two.
    await expect(caption).toContainText(/ events from [A-Z][a-z]{2} \d{1,2}, (\d{4}, )?\d{2}:\d{2} – /);
    expect(await caption.innerText()).not.toMatch(/\b(AM|PM)\b|Ereignisse/);
  });
});

test.describe("in New York", () => {
  test.use({ timezoneId: "America/New_York" });

  test("times show in the viewer's zone, named, and in UTC at one choice that stays", async ({ page }) => {
    const token = await apiLogin(page.request, acmeAdmin);
    const [first] = eventListSchema.parse(
      (await apiGet(page.request, token, `${apiPaths.orgEvents(1)}?per_page=1`)).body,
    );
    if (!first) throw new Error("the seeded organisation has no events");
    const utc = first.timestamp.replace("T", " ").replace(/(\.\d+)?Z$/, "");
    const newYork = new Date(first.timestamp)
      .toLocaleString("sv-SE", { timeZone: "America/New_York", hourCycle: "h23" })
      .replace(",", "");
    const timestampHeader = table(page).getByRole("columnheader", { name: /^Timestamp/ });
    const firstTime = bodyRows(page).first().locator("td").first();

    await expect(timestampHeader).toContainText("(America/New_York)");
    await expect(firstTime).toHaveText(newYork);
    await page.getByRole("combobox", { name: "Times" }).selectOption({ label: "UTC" });
    await expect(timestampHeader).toContainText("(UTC)");
    await expect(bodyRows(page).first().locator("td").first()).toHaveText(utc);
    await page.reload();
    await expect(bodyRows(page).first().locator("td").first()).toHaveText(utc);
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("combobox", { name: "Times" }).selectOption({ label: "Local (America/New_York)" });
    await expect(bodyRows(page).first().locator("td").first()).toHaveText(newYork);
  });
});
