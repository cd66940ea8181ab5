import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { apiBase, apiPaths } from "../src/contract/api-paths";
import { containerListSchema, createdEventSchema } from "../src/contract/container";
import { eventListSchema } from "../src/contract/event";
import { apiGet, apiLogin } from "./fixtures/api";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { login } from "./fixtures/login";
import { capture } from "./fixtures/screenshots";
import { test } from "./fixtures/test";
import { acmeAdmin } from "./fixtures/users";

const table = (page: Page, name = "Events") => page.getByRole("table", { name });
const firstRowText = (page: Page, name?: string) => table(page, name).locator("tbody tr").first().innerText();
const news = (page: Page) => page.getByRole("status").filter({ hasText: /new events?$/ });

/** Logs a container event in organisation 1 through the API, as another client would; answers its description. */
async function postEvent(request: APIRequestContext, status: "SUCCESS" | "FAILURE"): Promise<string> {
  const token = await apiLogin(request, acmeAdmin);
  const containers = containerListSchema.parse((await apiGet(request, token, apiPaths.containers(1))).body);
  const container = containers[0];
  if (!container) throw new Error("the demo world has no container in organisation 1");
  const description = `live ${status} ${String(Date.now())} ${String(Math.random()).slice(2, 8)}`;
  const posted = await request.post(`${apiBase}${apiPaths.containerEventList(1, container.id)}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { event_type: "ACCESS", status, timestamp: new Date().toISOString(), description },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  createdEventSchema.parse(await posted.json());
  return description;
}

async function waitLive(page: Page) {
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
}

test("an event POSTed while the page is open is announced, and shown on top only when the reader asks", async ({
  page,
  request,
}) => {
  await login(page, acmeAdmin, "/orgs/1/events");
  await waitLive(page);
  const before = await firstRowText(page);

  const description = await postEvent(request, "FAILURE");
  await expect(news(page)).toHaveText("1 new event");
  // The rows stay where they are until the reader chooses.
  expect(await firstRowText(page)).toBe(before);
  await capture(page, "events-live");
  await expectNoSeriousAxeViolations(page);

  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(table(page).locator("tbody tr").first()).toContainText(description.slice(0, 20));
  await expect(news(page)).toHaveCount(0);
});

test("only events the view and filters would list are announced", async ({ page, request }) => {
  await login(page, acmeAdmin, "/orgs/1/failures");
  await waitLive(page);
  await postEvent(request, "SUCCESS");
  await postEvent(request, "FAILURE");
  await expect(news(page)).toHaveText("1 new event");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(table(page, "Failed container events").locator("tbody tr").first()).toContainText(
    "live FAILURE",
  );
});

test("pausing stops the announcements; resuming catches up on what arrived meanwhile", async ({
  page,
  request,
}) => {
  await login(page, acmeAdmin, "/orgs/1/events");
  await waitLive(page);
  await page.getByRole("button", { name: "Pause live" }).click();
  await expect(page.getByText("Live updates paused")).toBeVisible();
  await postEvent(request, "FAILURE");
  await postEvent(request, "SUCCESS");
  await expect(news(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Resume live" }).click();
  await expect(news(page)).toHaveText("2 new events");
});

test("the count survives a lost connection: the stream resumes after the last event it had", async ({
  page,
  request,
}) => {
  // The first stream is answered here and ends after one event, as a dropped connection would; the second is
  // held until an event has been written meanwhile, then goes to the server.
  const resumedFrom: (string | undefined)[] = [];
  let firstStream: (body: string) => void = () => undefined;
  let secondStream: () => void = () => undefined;
  const first = new Promise<string>((resolve) => (firstStream = resolve));
  const second = new Promise<void>((resolve) => (secondStream = resolve));
  await page.route(
    (url) => url.pathname.endsWith("/events/stream"),
    async (route, routed) => {
      resumedFrom.push(routed.headers()["last-event-id"]);
      if (resumedFrom.length === 1) {
        const body = await first;
        return route.fulfill({ status: 200, headers: { "content-type": "text/event-stream" }, body });
      }
      if (resumedFrom.length === 2) await second;
      return route.continue();
    },
  );
  await login(page, acmeAdmin, "/orgs/1/events");
  await expect(table(page).locator("tbody tr").first()).toBeVisible();
  await expect.poll(() => resumedFrom.length).toBe(1);

  const token = await apiLogin(request, acmeAdmin);
  await postEvent(request, "FAILURE");
  const newest = eventListSchema.parse(
    (await apiGet(request, token, `${apiPaths.orgEvents(1)}?per_page=1&sort=-id`)).body,
  )[0];
  if (!newest) throw new Error("no event");
  firstStream(`id: ${String(newest.id)}\nevent: event\ndata: ${JSON.stringify(newest)}\n\n`);
  await expect(news(page)).toHaveText("1 new event");

  await expect.poll(() => resumedFrom.length).toBe(2);
  expect(resumedFrom[1]).toBe(String(newest.id));
  await expect(page.getByText("Reconnecting…")).toBeVisible();
  await postEvent(request, "SUCCESS");
  secondStream();
  await expect(news(page)).toHaveText("2 new events");
  await waitLive(page);
  await postEvent(request, "FAILURE");
  await expect(news(page)).toHaveText("3 new events");
});

test("no live bar away from the first page of a time-ordered list", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/events?page=2");
  await expect(table(page).locator("tbody tr").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Pause live" })).toHaveCount(0);
  await page.goto("/orgs/1/events?sort=type");
  await expect(table(page).locator("tbody tr").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Pause live" })).toHaveCount(0);
});

test("a container's timeline grows at the top when the reader asks", async ({ page, request }) => {
  const token = await apiLogin(request, acmeAdmin);
  const container = containerListSchema.parse((await apiGet(request, token, apiPaths.containers(1))).body)[0];
  if (!container) throw new Error("the demo world has no container in organisation 1");
  await login(page, acmeAdmin, `/orgs/1/containers/${encodeURIComponent(container.id)}`);
  await waitLive(page);
  const description = await postEvent(request, "FAILURE");
  await expect(news(page)).toHaveText("1 new event");
  await expect(page.getByText(description)).toHaveCount(0);
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page.locator(".timeline-entry").first()).toContainText(description);
  await expect(news(page)).toHaveCount(0);
});
