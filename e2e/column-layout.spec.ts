import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { login } from "./fixtures/login";
import { capture, captureWide } from "./fixtures/screenshots";
import { test } from "./fixtures/test";
import { acmeAdmin, acmeSupport } from "./fixtures/users";

/** Issue 13: the events table fits a laptop screen; people size and order its columns, kept per user. */

const table = (page: Page) => page.getByRole("table", { name: "Events" });
const headerCell = (page: Page, name: RegExp) => table(page).getByRole("columnheader", { name });
const resizer = (page: Page, column: string) =>
  table(page).getByRole("separator", { name: `Resize ${column} column` });
const columnsButton = (page: Page) => page.getByRole("button", { name: "Columns", exact: true });

async function loaded(page: Page) {
  await expect(table(page)).toHaveAttribute("aria-busy", "false");
}

async function width(page: Page, name: RegExp): Promise<number> {
  const box = await headerCell(page, name).boundingBox();
  return Math.round(box?.width ?? 0);
}

/** The headers' names, left to right, as a screen reader reads them. */
async function headerOrder(page: Page): Promise<string[]> {
  const names = await table(page)
    .locator("thead th")
    .evaluateAll((cells) =>
      cells.map((cell) => (cell.querySelector(".header-label")?.textContent ?? "").trim()),
    );
  return names.map((name) => name.replace(/\s*\(.*\)$/, ""));
}

async function overflow(page: Page) {
  return page
    .locator(".data-table-scroll")
    .evaluate((frame) => ({ scrollWidth: frame.scrollWidth, clientWidth: frame.clientWidth }));
}

async function switchUser(page: Page, user: typeof acmeAdmin, path: string) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await login(page, user, path);
  await loaded(page);
}

test("the default columns, Organisation too, fit at 1280 and 1440 px without sideways scrolling", async ({
  page,
}) => {
  await login(page, acmeAdmin, "/orgs/1/events");
  await loaded(page);
  await expect(headerCell(page, /^Organisation/)).toBeVisible();
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await expect
      .poll(() => overflow(page))
      .toEqual(expect.objectContaining({ scrollWidth: expect.any(Number) }));
    const { scrollWidth, clientWidth } = await overflow(page);
    expect(scrollWidth, `at ${String(size.width)} px`).toBeLessThanOrEqual(clientWidth);
    // The description takes what the others leave.
    expect(await width(page, /^Description/)).toBeGreaterThanOrEqual(160);
  }
  await expectNoSeriousAxeViolations(page);
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  await capture(page, "columns-default");
  await captureWide(page, "columns-default");

  // Someone who shows many columns may scroll.
  await page.goto(
    "/orgs/1/events?cols=timestamp,type,severity,source,status,description,user,endpoint,container,reason,client_ip,id,alert,organisation,tags,ip_address,imei,iccid,imsi",
  );
  await loaded(page);
  const wide = await overflow(page);
  expect(wide.scrollWidth).toBeGreaterThan(wide.clientWidth);
});

test("the failures table, Organisation and its Timeline column too, fits at 1280 px: container events start without Endpoint", async ({
  page,
}) => {
  await login(page, acmeAdmin, "/orgs/1/failures");
  await expect(
    page.getByRole("table", { name: "Failed container events" }).locator("tbody tr").first(),
  ).toBeVisible();
  await expect(headerCell(page, /^Organisation/)).toBeVisible();
  await expect(headerCell(page, /^Endpoint/)).toHaveCount(0);
  await expect
    .poll(async () => {
      const { scrollWidth, clientWidth } = await overflow(page);
      return scrollWidth <= clientWidth;
    })
    .toBe(true);
  // On this short screen the page scrolls inside its main area; the window itself never does.
  expect(
    await page.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight),
  ).toBe(0);
});

test("resizing by keyboard and by dragging is kept across reloads, for this user only", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await login(page, acmeAdmin, "/orgs/1/events");
  await loaded(page);
  const typeWidth = await width(page, /^Type/);

  // Keyboard: three steps wider on the focused handle.
  await resizer(page, "Type").focus();
  for (let step = 0; step < 3; step++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => width(page, /^Type/)).toBe(typeWidth + 48);
  await expect(resizer(page, "Type")).toHaveAttribute("aria-valuenow", String(typeWidth + 48));

  // Drag: the Source column's edge 60 px to the right.
  const sourceWidth = await width(page, /^Source/);
  const handle = await resizer(page, "Source").boundingBox();
  if (!handle) throw new Error("no resize handle for Source");
  const y = handle.y + handle.height / 2;
  await page.mouse.move(handle.x + handle.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 + 30, y, { steps: 3 });
  await page.mouse.move(handle.x + handle.width / 2 + 60, y, { steps: 3 });
  await page.mouse.up();
  await expect.poll(() => width(page, /^Source/)).toBe(sourceWidth + 60);

  // The description, which takes the width left, starts a drag from the width it has on screen.
  const descriptionWidth = await width(page, /^Description/);
  const edge = await resizer(page, "Description").boundingBox();
  if (!edge) throw new Error("no resize handle for Description");
  await page.mouse.move(edge.x + edge.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 - 40, y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => width(page, /^Description/)).toBe(descriptionWidth - 40);

  await page.reload();
  await loaded(page);
  expect(await width(page, /^Type/)).toBe(typeWidth + 48);
  expect(await width(page, /^Source/)).toBe(sourceWidth + 60);
  expect(await width(page, /^Description/)).toBe(descriptionWidth - 40);

  // Another user in the same browser has the default widths.
  await switchUser(page, acmeSupport, "/orgs/2/events");
  expect(await width(page, /^Type/)).toBe(typeWidth);
  expect(await width(page, /^Source/)).toBe(sourceWidth);

  // And the first user finds theirs again.
  await switchUser(page, acmeAdmin, "/orgs/1/events");
  expect(await width(page, /^Type/)).toBe(typeWidth + 48);
});

test("reordering by dragging a header and with the chooser's buttons is kept; Reset columns undoes it", async ({
  page,
}) => {
  await login(page, acmeAdmin, "/orgs/1/events");
  await loaded(page);
  const defaults = await headerOrder(page);
  expect(defaults.slice(0, 4)).toEqual(["Timestamp", "Type", "Severity", "Source"]);

  // Drag Source onto the left half of Timestamp.
  await headerCell(page, /^Source/)
    .getByRole("button")
    .dragTo(headerCell(page, /^Timestamp/), { targetPosition: { x: 6, y: 10 } });
  await expect
    .poll(() => headerOrder(page))
    .toEqual(["Source", ...defaults.filter((name) => name !== "Source")]);

  // Keyboard: Move Description up twice from the chooser; focus stays on the button.
  await columnsButton(page).click();
  const moveUp = page.getByRole("button", { name: "Move Description up" });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  await expect(moveUp).toBeFocused();
  await page.keyboard.press("Enter");
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press("Escape");
  const moved = await headerOrder(page);
  expect(moved.indexOf("Description")).toBe(defaults.indexOf("Description") - 2);
  expect(moved[0]).toBe("Source");

  await page.reload();
  await loaded(page);
  expect(await headerOrder(page)).toEqual(moved);

  await columnsButton(page).click();
  await page.getByRole("button", { name: "Reset columns" }).click();
  await expect.poll(() => headerOrder(page)).toEqual(defaults);
});

test("the CSV of the visible columns has their header in the table's order and the view's rows", async ({
  page,
}) => {
  const search = "q=severity%3A2&cols=timestamp,description,user,id,severity";
  await login(page, acmeAdmin, `/orgs/1/events?${search}`);
  await loaded(page);
  await columnsButton(page).click();
  await page.getByRole("button", { name: "Move User up" }).click();
  await page.keyboard.press("Escape");
  expect(await headerOrder(page)).toEqual(["Timestamp", "Severity", "User", "Description", "ID"]);

  await page.getByLabel("Columns to export").selectOption({ label: "CSV: visible columns" });
  const exportButton = page.getByRole("button", { name: /^Export CSV/ });
  await expect(exportButton).toBeEnabled();
  const rows = Number(((await exportButton.textContent()) ?? "").replace(/[^0-9]/g, ""));
  expect(rows).toBeGreaterThan(0);
  const downloading = page.waitForEvent("download");
  await exportButton.click();
  const text = await readFile(await (await downloading).path(), "utf8");
  const records: string[][] = parse(text);
  expect(records[0]).toEqual(["timestamp", "event_severity", "user", "description", "id"]);
  expect(records.length - 1).toBe(rows);
  expect(new Set(records.slice(1).map((record) => record[1]))).toEqual(new Set(["Critical"]));

  // The choice is remembered.
  await page.reload();
  await loaded(page);
  await expect(page.getByLabel("Columns to export")).toHaveValue("visible");
});
