import type { Page } from "@playwright/test";
import { apiBase, apiPaths } from "../src/contract/api-paths";
import { eventListSchema } from "../src/contract/event";
import { defaultPerPage } from "../src/contract/list-params";
import { withChromium } from "./chromium";
import { signIn } from "./dashboard-sign-in";
import type { HttpClient } from "./http-client";
import { percentile } from "./stats";

export type SortClickSample = {
  sort: string;
  /** Click → the first animation frame after the new rows are in the DOM (what the user sees). */
  ms: number;
  /** Click → the new rows in the DOM. */
  domMs: number;
};

export type SortClickFigures = {
  samples: SortClickSample[];
  p50: number;
  max: number;
  domP50: number;
  rounds: number;
};

/**
 * The header clicks of one round, from the default order (newest first) and in this order: each gives a sort
 * the page has not loaded yet, so every click waits for the server. `sort` is what the click must put in the URL.
 */
const clicks = [
  { header: "Timestamp", sort: "timestamp" },
  { header: "Severity", sort: "severity" },
  { header: "Severity", sort: "-severity" },
  { header: "Source", sort: "source" },
  { header: "Type", sort: "type" },
] as const;
/** Each round reloads the page, so the dashboard's query cache starts empty again. */
const rounds = 3;
const watchTimeoutMs = 20_000;

export type SortClickOptions = {
  baseUrl: string;
  pagePath: string;
  orgId: number;
  username: string;
  password: string;
  client: HttpClient;
  /** Runs before each click, once the page is idle (the bench commits a harmless write there). */
  beforeClick: () => Promise<void>;
};

type Timing = { clickAt: number; domAt: number; frameAt: number };

/**
 * Signs in with Playwright, opens `pagePath` and clicks column headers; each sample is the time from the click
 * (the click event's own timestamp, in the page) to the moment the table shows exactly the API's first page
 * for the new sort, not marked stale. A MutationObserver in the page sees the rows arrive; the time is taken in
 * the next animation frame's callback. The expected rows (their timestamps, in order) are asked from the API
 * beforehand, and must differ from the rows shown before the click. `beforeClick` runs once the page has no
 * request open (the run commits a harmless write there, so the server's caches must catch up).
 */
export async function measureSortClick(options: SortClickOptions): Promise<SortClickFigures> {
  const url = new URL(options.pagePath, options.baseUrl).toString();
  const expected = new Map<string, string[]>();
  for (const { sort } of clicks) {
    const path = `${apiBase}${apiPaths.orgEvents(options.orgId)}?sort=${sort}&per_page=${defaultPerPage}`;
    const events = eventListSchema.parse((await options.client.getJson(path)).body);
    expected.set(
      sort,
      events.map((event) => event.timestamp),
    );
  }

  return withChromium(async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const inFlight = trackRequests(page);
      await signIn(page, url, options.username, options.password);
      const samples: SortClickSample[] = [];
      for (let round = 1; round <= rounds; round++) {
        if (round > 1) await page.goto(url);
        await shownTimestamps(page);
        for (const click of clicks) {
          await inFlight.idle();
          await options.beforeClick();
          samples.push(await timeClick(page, click, expected.get(click.sort) ?? []));
        }
      }
      await inFlight.idle();
      const ms = samples.map((sample) => sample.ms).sort((a, b) => a - b);
      const domMs = samples.map((sample) => sample.domMs).sort((a, b) => a - b);
      return {
        samples,
        p50: percentile(ms, 50),
        max: ms.at(-1) ?? NaN,
        domP50: percentile(domMs, 50),
        rounds,
      };
    } finally {
      await context.close();
    }
  });
}

async function timeClick(
  page: Page,
  click: (typeof clicks)[number],
  expected: readonly string[],
): Promise<SortClickSample> {
  const before = await shownTimestamps(page);
  if (expected.length === 0 || before.join() === expected.join()) {
    throw new Error(`Sorting by ${click.sort} would not change the rows on screen: nothing to time.`);
  }
  const watch = await page.evaluateHandle(watchRows, { expected: [...expected], timeoutMs: watchTimeoutMs });
  await eventsTable(page)
    .getByRole("columnheader", { name: click.header, exact: true })
    .getByRole("button")
    .click();
  const timing = await page.evaluate((handle) => handle.done, watch);
  await watch.dispose();
  const sort = new URL(page.url()).searchParams.get("sort");
  if (sort !== click.sort) {
    throw new Error(`Clicking ${click.header} sorted by ${String(sort)}, not ${click.sort}.`);
  }
  return { sort: click.sort, ms: timing.frameAt - timing.clickAt, domMs: timing.domAt - timing.clickAt };
}

/**
 * Runs in the page: resolves once a click has happened and the events table, not busy, shows rows whose
 * timestamps are `expected` in order. Every time is on the page's own clock (performance.now()). No named
 * inner functions: tsx would wrap them in a helper the page does not have.
 */
function watchRows({ expected, timeoutMs }: { expected: string[]; timeoutMs: number }): {
  done: Promise<Timing>;
} {
  const done = new Promise<Timing>((resolve, reject) => {
    let clickAt: number | undefined;
    let firstShown: string | null | undefined;
    const observer = new MutationObserver(() => {
      const table = document.querySelector('table[aria-label="Events"]');
      if (clickAt === undefined || !table || table.getAttribute("aria-busy") !== "false") return;
      const shown = [...table.querySelectorAll("tbody tr time")].map((time) => time.getAttribute("datetime"));
      firstShown = shown[0];
      if (shown.join() !== expected.join()) return;
      observer.disconnect();
      clearTimeout(timer);
      const start = clickAt;
      const domAt = performance.now();
      requestAnimationFrame(() => {
        resolve({ clickAt: start, domAt, frameAt: performance.now() });
      });
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(
        new Error(
          `The table did not show the expected rows within ${timeoutMs} ms (first row ${String(firstShown)}, expected ${String(expected[0])}).`,
        ),
      );
    }, timeoutMs);
    document.addEventListener(
      "click",
      (event) => {
        clickAt = event.timeStamp;
      },
      { capture: true, once: true },
    );
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  return { done };
}

const eventsTable = (page: Page) => page.getByRole("table", { name: "Events" });

/** The timestamps of the rows on screen once the table is loaded and not stale. */
async function shownTimestamps(page: Page): Promise<string[]> {
  const table = eventsTable(page);
  await table.locator("tbody tr time").first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () => document.querySelector('table[aria-label="Events"]')?.getAttribute("aria-busy") === "false",
  );
  return table
    .locator("tbody tr time")
    .evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
}

/** The page's requests still open, so a click is not timed while the previous sort's next page is prefetched. */
function trackRequests(page: Page): { idle: () => Promise<void> } {
  let open = 0;
  page.on("request", () => open++);
  page.on("requestfinished", () => open--);
  page.on("requestfailed", () => open--);
  return {
    idle: async () => {
      const deadline = performance.now() + 10_000;
      while (open > 0 && performance.now() < deadline) await page.waitForTimeout(20);
    },
  };
}
