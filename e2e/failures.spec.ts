import { expect, type Page } from "@playwright/test";
import { apiPaths } from "../src/contract/api-paths";
import { containerListSchema, type Container } from "../src/contract/container";
import { eventListSchema } from "../src/contract/event";
import { formatQuery, parseQuery, type FilterTerm } from "../src/contract/query-grammar";
import { apiGet, apiLogin } from "./fixtures/api";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { login } from "./fixtures/login";
import { capture, capturePhone } from "./fixtures/screenshots";
import { test } from "./fixtures/test";
import { acmeAdmin, acmeSupport } from "./fixtures/users";

/** A container's bar: its name, "Blocked" when it is (the demo world blocks a few, and they are still tried), its count. */
const barName = /^(.+?)(?: Blocked)? ([\d,]+) failures?, filter by container$/;

const digits = (text: string) => Number(text.replace(/\D/g, ""));

function urlFilters(page: Page): FilterTerm[] {
  const q = new URL(page.url()).searchParams.get("q");
  if (q === null) return [];
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

async function failureTotal(request: Parameters<typeof apiLogin>[0], token: string, terms: FilterTerm[]) {
  const q = encodeURIComponent(formatQuery(terms));
  const { headers } = await apiGet(
    request,
    token,
    `${apiPaths.containerEvents(1, "by_fail")}?per_page=1&q=${q}`,
  );
  return Number(headers["x-total-count"]);
}

/** The number in the pager: "1,234 events". */
async function tableTotal(page: Page): Promise<number> {
  const text = await page
    .getByRole("navigation", { name: "Pagination" })
    .locator(".pagination-total")
    .innerText();
  return digits(text);
}

test("the failures view counts failures by container, narrows the table and opens the timeline", async ({
  page,
  request,
}) => {
  const token = await apiLogin(request, acmeAdmin);
  await login(page, acmeAdmin, "/orgs/1/failures");

  await expect(page.getByRole("heading", { level: 1, name: "Failed access" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Container event views" });
  await expect(tabs.getByRole("link", { name: "Failures" })).toHaveAttribute("aria-current", "page");
  const table = page.getByRole("table", { name: "Failed container events" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();

  // Counts by container, busiest first.
  const containerCounts = page.getByRole("region", { name: /^Top containers/ });
  const bars = containerCounts.getByRole("button", { name: barName });
  await expect(bars.first()).toBeVisible();
  // The bars are named by their content: their text, visually hidden words included.
  const shown = (await bars.allTextContents()).map((label) => {
    const match = barName.exec(label);
    if (!match?.[1] || !match[2]) throw new Error(`unexpected bar name ${label}`);
    return { name: match[1], count: digits(match[2]) };
  });
  expect(shown.length).toBeGreaterThan(1);
  const counts = shown.map((bar) => bar.count);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  await capture(page, "failures");
  await capturePhone(page, "failures");
  await expectNoSeriousAxeViolations(page);

  // Clicking the busiest container writes its chip into the URL and narrows the table; no time range is
  // added: the counts were over the whole table.
  await bars.first().click();
  await page.waitForURL((url) => (url.searchParams.get("q") ?? "").includes("container:"));
  const terms = urlFilters(page);
  expect(terms.filter((term) => term.field === "from" || term.field === "until")).toEqual([]);
  const containerId = terms.find((term) => term.field === "container")?.value ?? "";
  const containers: Container[] = containerListSchema.parse(
    (await apiGet(request, token, `${apiPaths.containers(1)}?per_page=1000`)).body,
  );
  const busiest = containers.find((container) => container.id === containerId);
  expect(busiest?.name).toBe(shown[0]?.name);

  // The API agrees with every shown count, and no container has more failures than the busiest shown.
  const apiCounts = await Promise.all(
    containers.map(async (container) => ({
      name: container.name,
      count: await failureTotal(request, token, [{ field: "container", value: container.id }]),
    })),
  );
  const apiSorted = apiCounts.map((entry) => entry.count).sort((a, b) => b - a);
  expect(counts).toEqual(apiSorted.slice(0, counts.length));
  const apiBusiest = await failureTotal(request, token, terms);
  expect(apiBusiest).toBe(counts[0]);
  await expect(page.getByRole("button", { name: `Remove filter Container` }).first()).toBeVisible();
  await expect.poll(() => tableTotal(page)).toBe(apiBusiest);
  await expect(containerCounts.getByRole("button", { name: barName }).first()).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // Each row opens its moment in the container's timeline.
  const firstFailure = eventListSchema.parse(
    (
      await apiGet(
        request,
        token,
        `${apiPaths.containerEvents(1, "by_fail")}?per_page=1&q=${encodeURIComponent(formatQuery(terms))}`,
      )
    ).body,
  )[0];
  if (!firstFailure?.container) throw new Error("the busiest container has no failure");
  const failureRows = await table.locator("tbody").innerText();

  // Tabs: Access shows only ACCESS events, with the view in the URL and the filters kept.
  await tabs.getByRole("link", { name: "Access" }).click();
  await page.waitForURL((url) => url.searchParams.get("view") === "by_access");
  await expect(page.getByRole("heading", { level: 1, name: "Container access" })).toBeVisible();
  const accessTable = page.getByRole("table", { name: "Container access events" });
  await expect(accessTable.getByRole("row").nth(1)).toBeVisible();
  await expect(accessTable).toHaveAttribute("aria-busy", "false");
  const headers = await accessTable.getByRole("columnheader").allInnerTexts();
  const typeColumn = headers.findIndex((header) => header.trim().startsWith("Type"));
  expect(typeColumn).toBeGreaterThanOrEqual(0);
  const types = await accessTable
    .locator("tbody tr")
    .evaluateAll((rows, index) => rows.map((row) => row.children[index]?.textContent.trim()), typeColumn);
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types)).toEqual(new Set(["ACCESS"]));
  expect(await accessTable.locator("tbody").innerText()).not.toBe(failureRows);
  const accessTotal = await apiGet(
    request,
    token,
    `${apiPaths.containerEvents(1, "by_access")}?per_page=1&q=${encodeURIComponent(formatQuery(terms))}`,
  );
  await expect.poll(() => tableTotal(page)).toBe(Number(accessTotal.headers["x-total-count"]));
  expect(new URL(page.url()).searchParams.get("q")).toBe(formatQuery(terms));

  // Back to failures; open the newest failure of the busiest container in its timeline.
  await expect(tabs.getByRole("link", { name: "Access" })).toHaveAttribute("aria-current", "page");
  await tabs.getByRole("link", { name: "Failures" }).click();
  await page.waitForURL((url) => !url.searchParams.has("view"));
  const timelineLink = table.getByRole("link", { name: /^Open .+ timeline at / }).first();
  await expect(timelineLink).toHaveAccessibleName(
    new RegExp(`^Open ${escapeRegExp(firstFailure.container.name)} timeline at `),
  );
  await timelineLink.click();
  await page.waitForURL(
    (url) =>
      url.pathname === `/orgs/1/containers/${encodeURIComponent(firstFailure.container?.id ?? "")}` &&
      url.searchParams.get("at") === String(firstFailure.id),
  );
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: new RegExp(
        `${escapeRegExp(firstFailure.container.name)}|${escapeRegExp(firstFailure.container.id)}`,
      ),
    }),
  ).toBeVisible();
});

test("an empty range says there was no failed access", async ({ page }) => {
  const q = formatQuery([
    { field: "from", value: "2000-01-01T00:00:00Z" },
    { field: "until", value: "2000-01-02T00:00:00Z" },
  ]);
  await login(page, acmeAdmin, `/orgs/1/failures?q=${encodeURIComponent(q)}`);
  await expect(page.getByText("No failed access in this range.")).toBeVisible();
});

test("the counts follow the table's filters, exactly, from one facets request", async ({ page, request }) => {
  const token = await apiLogin(request, acmeAdmin);
  const asked: string[] = [];
  page.on("request", (sent) => {
    const url = new URL(sent.url());
    if (url.pathname.startsWith("/api/v1/orgs/1/"))
      asked.push(`${url.pathname}?${url.searchParams.toString()}`);
  });
  const terms: FilterTerm[] = [
    { field: "from", value: "2026-10-01T00:00:00Z" },
    { field: "until", value: "2026-12-31T23:59:59Z" },
    { field: "severity", value: "1" },
  ];
  await login(page, acmeAdmin, `/orgs/1/failures?q=${encodeURIComponent(formatQuery(terms))}`);
  const panel = page.getByRole("region", { name: "Where access fails" });
  const total = panel.locator(".failure-counts-total strong");
  await expect(total).toBeVisible();
  const expected = await failureTotal(request, token, terms);
  expect(expected).toBeGreaterThan(0);
  expect(digits(await total.innerText())).toBe(expected);
  await expect.poll(() => tableTotal(page)).toBe(expected);
  const facetRequests = asked.filter((url) => url.includes("/events/facets"));
  expect(facetRequests).toHaveLength(1);
  expect(asked.filter((url) => url.includes("per_page=1&"))).toEqual([]);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("without a time range the counts cover the whole table, and agree with its total", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/failures");
  const panel = page.getByRole("region", { name: "Where access fails" });
  await expect(panel.locator(".failure-counts-range")).toHaveText("All time");
  const total = panel.locator(".failure-counts-total strong");
  await expect(total).toBeVisible();
  await expect.poll(() => tableTotal(page)).toBe(digits(await total.innerText()));
  const histogram = page.getByRole("figure");
  await expect(histogram).toContainText(`${await total.innerText()} events from`);
});

test("support's failures view: every bar's name starts with what it shows, and axe finds nothing serious", async ({
  page,
}) => {
  await login(page, acmeSupport, "/orgs/2/failures");
  const bars = page.getByRole("region", { name: "Where access fails" }).locator(".failure-bar");
  await expect(bars.first()).toBeVisible();
  for (const bar of await bars.all()) {
    const label = (await bar.locator(".failure-bar-label").innerText()).replace(/\s+/g, " ");
    const count = await bar.locator(".failure-bar-count").innerText();
    await expect(bar).toHaveAccessibleName(
      new RegExp(`^${escapeRegExp(label)} ${escapeRegExp(count.split(/\s/)[0] ?? "")} failures?, filter by `),
    );
  }
  await expectNoSeriousAxeViolations(page);
});
