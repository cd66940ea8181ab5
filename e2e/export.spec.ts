import { readFile } from "node:fs/promises";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { apiBase, apiPaths } from "../src/contract/api-paths";
import { csvColumns } from "../src/contract/csv";
import { eventListSchema } from "../src/contract/event";
import { apiGet, apiLogin } from "./fixtures/api";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { login } from "./fixtures/login";
import { capture } from "./fixtures/screenshots";
import { test } from "./fixtures/test";
import { acmeAdmin } from "./fixtures/users";

const q = "severity:2";
const sort = "user,-id";
const search = `q=${encodeURIComponent(q)}&sort=${encodeURIComponent(sort)}`;
const eventsPath = apiPaths.orgEvents(acmeAdmin.organisation.id);
const count = new Intl.NumberFormat("en-US");

/** Every row of the view through the JSON API, 1000 a page, with its x-total-count. */
async function jsonView(request: APIRequestContext, token: string) {
  const ids: number[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const { body, headers } = await apiGet(
      request,
      token,
      `${eventsPath}?${search}&per_page=1000&page=${page}`,
    );
    total = Number(headers["x-total-count"]);
    ids.push(...eventListSchema.parse(body).map((event) => event.id));
    if (page >= Number(headers["x-total-pages"])) break;
  }
  expect(ids.length).toBe(total);
  return { ids, total };
}

const exportButton = (page: Page) => page.getByRole("button", { name: /^Export CSV/ });

test("exports the filtered, sorted view: every row, in order, under the server's file name", async ({
  page,
  request,
}) => {
  const token = await apiLogin(request, acmeAdmin);
  const json = await jsonView(request, token);
  expect(json.total).toBeGreaterThan(50);

  await login(page, acmeAdmin, `/orgs/1/events?${search}`);
  await expect(exportButton(page)).toHaveAccessibleName(`Export CSV · ${count.format(json.total)} rows`);
  await expect(exportButton(page)).toBeEnabled();
  await expectNoSeriousAxeViolations(page);

  const downloading = page.waitForEvent("download");
  await exportButton(page).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("eventdesk-acme-group-events.csv");
  const text = await readFile(await download.path(), "utf8");
  const records: string[][] = parse(text);
  const [header, ...rows] = records;
  expect(header).toEqual([...csvColumns]);
  expect(rows.map((row) => Number(row[0]))).toEqual(json.ids);
  expect(new Set(rows.map((row) => row[4]))).toEqual(new Set(["Critical"]));
  await expect(
    page.getByText(`Saved eventdesk-acme-group-events.csv (${count.format(json.total)} rows).`),
  ).toBeVisible();
  await expect(exportButton(page)).toBeFocused();
  await capture(page, "export-done");
});

test("the Excel-friendly option puts a byte order mark first", async ({ page }) => {
  await login(page, acmeAdmin, `/orgs/1/events?${search}`);
  await page.getByLabel("Excel-friendly (BOM)").check();
  const downloading = page.waitForEvent("download");
  await exportButton(page).click();
  const bytes = await readFile(await (await downloading).path());
  expect([...bytes.subarray(0, 5)]).toEqual([0xef, 0xbb, 0xbf, 0x69, 0x64]);
});

test("against a server that refuses CSV (406) it walks the pages and saves the same bytes", async ({
  page,
  request,
}) => {
  const token = await apiLogin(request, acmeAdmin);
  const serverCsv = await request.get(`${apiBase}${eventsPath}?${search}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: "text/csv" },
  });
  expect(serverCsv.status()).toBe(200);
  const expected = await serverCsv.body();

  let refused = 0;
  await page.route(
    (url) => url.pathname === `${apiBase}${eventsPath}`,
    (route, routed) => {
      if (!(routed.headers().accept ?? "").includes("text/csv")) return route.continue();
      refused++;
      return route.fulfill({
        status: 406,
        contentType: "application/json",
        body: JSON.stringify({ error: "not_acceptable", message: "This server speaks JSON only." }),
      });
    },
  );
  await login(page, acmeAdmin, `/orgs/1/events?${search}`);
  const downloading = page.waitForEvent("download");
  await exportButton(page).click();
  const download = await downloading;
  expect(refused).toBe(1);
  expect(download.suggestedFilename()).toBe("eventdesk-acme-group-events.csv");
  const actual = await readFile(await download.path());
  expect(actual.length).toBe(expected.length);
  expect(actual.equals(expected)).toBe(true);
  await expect(page.getByText(/built from pages/)).toBeVisible();
});

test("Cancel aborts a running export: no file, the button comes back", async ({ page }) => {
  let held = 0;
  // Hold the CSV answer so the export is caught while it runs; everything else goes through.
  await page.route(
    (url) => url.pathname === `${apiBase}${eventsPath}`,
    (route, routed) => {
      if ((routed.headers().accept ?? "").includes("text/csv")) {
        held++;
        return;
      }
      return route.continue();
    },
  );
  let downloads = 0;
  page.on("download", () => downloads++);
  await login(page, acmeAdmin, "/orgs/1/events");
  await exportButton(page).click();

  const progress = page.getByRole("progressbar", { name: /^Exporting 0 of [0-9,]+ rows$/ });
  await expect(progress).toBeVisible();
  const cancel = page.getByRole("button", { name: "Cancel", exact: true });
  await expect(cancel).toBeFocused();
  expect(held).toBe(1);
  await expectNoSeriousAxeViolations(page);
  await capture(page, "export-progress");

  await cancel.click();
  await expect(progress).toBeHidden();
  await expect(page.getByText("Export cancelled.")).toBeVisible();
  await expect(exportButton(page)).toBeEnabled();
  await expect(exportButton(page)).toBeFocused();
  await page.waitForTimeout(300);
  expect(downloads).toBe(0);
});

test("an export keeps running while the user moves on: the tray shows it, then the file is saved", async ({
  page,
}) => {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(
    (url) => url.pathname === `${apiBase}${eventsPath}`,
    async (route, routed) => {
      if ((routed.headers().accept ?? "").includes("text/csv")) await released;
      return route.continue();
    },
  );
  await login(page, acmeAdmin, `/orgs/1/events?${search}`);
  await exportButton(page).click();
  await expect(page.getByRole("group", { name: "CSV export" }).getByRole("progressbar")).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Containers" }).click();
  const tray = page.getByRole("region", { name: "Exports" });
  await expect(tray.getByRole("progressbar")).toBeVisible();
  await expect(tray.getByRole("button", { name: "Cancel" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await capture(page, "export-tray");

  const download = page.waitForEvent("download");
  release();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  await expect(tray).toContainText(`Saved ${file.suggestedFilename()}`);
  await tray.getByRole("button", { name: "Dismiss" }).click();
  await expect(tray).toHaveCount(0);
});

test("the Excel-friendly choice is explained and remembered", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/events");
  const bom = page.getByRole("checkbox", {
    name: /^Excel-friendly \(BOM\)\s*: starts the file with a byte order mark/,
  });
  await bom.check();
  await page.reload();
  await expect(bom).toBeChecked();
});
