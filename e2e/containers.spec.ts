import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { apiPaths } from "../src/contract/api-paths";
import { containerListSchema, type Container } from "../src/contract/container";
import { eventListSchema } from "../src/contract/event";
import { escapeFilterValue } from "../src/contract/query-grammar";
import { apiGet, apiLogin } from "./fixtures/api";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { login } from "./fixtures/login";
import { capture, capturePhone } from "./fixtures/screenshots";
import { test } from "./fixtures/test";
import { acmeAdmin, acmeSupport, type DemoUser } from "./fixtures/users";

// The timeline spec scrolls through more than four pages of one container: 30,000 events give the busiest ~300.
test.use({ seedEvents: 30_000 });

type Busiest = { container: Container; total: number; orgId: number };

/** The container of `user`'s organisation with the most events, found through the API (no hard-coded ids). */
async function busiestContainer(request: APIRequestContext, user: DemoUser): Promise<Busiest> {
  const token = await apiLogin(request, user);
  const orgId = user.organisation.id;
  const containers = containerListSchema.parse(
    (await apiGet(request, token, `${apiPaths.containers(orgId)}?per_page=1000`)).body,
  );
  let best: Busiest | undefined;
  for (const container of containers) {
    const { headers } = await apiGet(
      request,
      token,
      `${apiPaths.containerEventList(orgId, container.id)}?per_page=1`,
    );
    const total = Number(headers["x-total-count"]);
    if (!best || total > best.total) best = { container, total, orgId };
  }
  if (!best) throw new Error(`${user.username} sees no containers`);
  return best;
}

const entries = (page: Page) => page.locator(".timeline-entry");

async function timelineEventIds(request: APIRequestContext, busiest: Busiest, query: string) {
  const token = await apiLogin(request, acmeAdmin);
  const path = `${apiPaths.containerEventList(busiest.orgId, busiest.container.id)}?${query}`;
  const { body, headers } = await apiGet(request, token, path);
  return { events: eventListSchema.parse(body), total: Number(headers["x-total-count"]) };
}

test("the containers list searches by name in the URL and opens a container's timeline", async ({
  page,
  request,
}) => {
  const { container, orgId } = await busiestContainer(request, acmeAdmin);
  await login(page, acmeAdmin, `/orgs/${orgId}/containers`);
  const table = page.getByRole("table", { name: "Containers" });
  await expect(table.getByRole("link").first()).toBeVisible();
  const before = await table.getByRole("link").count();
  expect(before).toBeGreaterThan(1);
  await expectNoSeriousAxeViolations(page);
  await capture(page, "containers");

  await page.getByLabel("Search by name").fill(container.name);
  await page.waitForURL((url) => url.searchParams.get("q") === `name:${escapeFilterValue(container.name)}`);
  const token = await apiLogin(request, acmeAdmin);
  const matching = containerListSchema.parse(
    (
      await apiGet(
        request,
        token,
        `${apiPaths.containers(orgId)}?q=${encodeURIComponent(`name:${escapeFilterValue(container.name)}`)}`,
      )
    ).body,
  );
  await expect(table.getByRole("link")).toHaveCount(matching.length);
  expect(matching.length).toBeLessThan(before);

  await page.getByLabel("Blocked").selectOption({ label: container.blocked ? "Blocked" : "Not blocked" });
  await page.waitForURL(
    (url) => url.searchParams.get("q")?.includes(`blocked:${container.blocked}`) ?? false,
  );
  await table.getByRole("link", { name: container.name, exact: true }).click();
  await page.waitForURL(`**/orgs/${orgId}/containers/${encodeURIComponent(container.id)}`);
  await expect(page.getByRole("heading", { level: 1, name: container.name })).toBeVisible();
});

test("the timeline shows the facts, day groups, and loads older events on scroll and on demand", async ({
  page,
  request,
}) => {
  const busiest = await busiestContainer(request, acmeAdmin);
  expect(busiest.total, "the busiest demo container fills more than four pages").toBeGreaterThan(200);
  const { container, orgId } = busiest;
  await login(page, acmeAdmin, `/orgs/${orgId}/containers/${encodeURIComponent(container.id)}`);

  const facts = page.locator(".container-facts");
  await expect(facts.getByText(container.id, { exact: true })).toBeVisible();
  await expect(facts.getByText(container.organisation.name, { exact: true })).toBeVisible();
  await expect(entries(page)).toHaveCount(50);
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
  const { events } = await timelineEventIds(request, busiest, "per_page=50");
  await expect(entries(page).first()).toHaveAttribute("id", `event-${events[0]?.id}`);
  await expect(page.getByText(`50 of ${busiest.total.toLocaleString("en-US")} events loaded`)).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await capture(page, "container-timeline");
  await capturePhone(page, "container-timeline");
  // The captures resize the viewport, which may already have loaded more: start again from the first page.
  await page.reload();
  await expect(entries(page)).toHaveCount(50);

  await entries(page).last().scrollIntoViewIfNeeded();
  await expect(entries(page)).toHaveCount(100);
  // Focusing the button scrolls it into view, which loads a page by itself; Enter then loads the next one.
  const loadOlder = page.getByRole("button", { name: "Load older events" });
  await loadOlder.focus();
  await expect(entries(page)).toHaveCount(150);
  await expect(loadOlder).toBeFocused();
  await expect(loadOlder).toHaveText("Load older events");
  await page.keyboard.press("Enter");
  await expect(entries(page)).toHaveCount(200);
  await expect(page.getByText(`200 of ${busiest.total.toLocaleString("en-US")} events loaded`)).toBeVisible();
});

test("filter chips filter the timeline through q", async ({ page, request }) => {
  const busiest = await busiestContainer(request, acmeAdmin);
  const { container, orgId } = busiest;
  await login(page, acmeAdmin, `/orgs/${orgId}/containers/${encodeURIComponent(container.id)}`);
  await expect(entries(page)).toHaveCount(50);

  await page.getByRole("button", { name: "Add filter" }).click();
  const editor = page.getByRole("dialog", { name: "Add filter" });
  await editor.getByLabel("Field").selectOption({ label: "Status" });
  await editor.getByLabel("Value").selectOption({ label: "Failure" });
  await editor.getByRole("button", { name: "Apply filter" }).click();
  await page.waitForURL((url) => url.searchParams.get("q") === "status:FAILURE");

  const { total } = await timelineEventIds(request, busiest, "per_page=1&q=status:FAILURE");
  expect(total).toBeGreaterThan(0);
  await expect(entries(page)).toHaveCount(Math.min(50, total));
  await expect(page.getByText(`of ${total.toLocaleString("en-US")} events loaded`)).toBeVisible();
  await expect(page.locator(".timeline-entry .badge-success")).toHaveCount(0);
  await page.getByRole("button", { name: "Remove filter Status" }).click();
  await page.waitForURL((url) => !url.searchParams.has("q"));
  await expect(page.locator(".timeline-entry .badge-success").first()).toBeVisible();
});

test("an admin logs an event: a future time is refused, a valid one appears at once and is stored", async ({
  page,
  request,
}) => {
  const busiest = await busiestContainer(request, acmeAdmin);
  const { container, orgId } = busiest;
  await login(page, acmeAdmin, `/orgs/${orgId}/containers/${encodeURIComponent(container.id)}`);
  await expect(entries(page)).toHaveCount(50);

  await page.getByRole("button", { name: "Log event" }).click();
  const dialog = page.getByRole("dialog", { name: /Log an event/ });
  const inOneHour = await page.evaluate(() => {
    const date = new Date(Date.now() + 60 * 60_000);
    const pad = (value: number) => String(value).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:00`;
  });
  await dialog.getByLabel("Timestamp").fill(inOneHour);
  await dialog.getByRole("button", { name: "Save event" }).click();
  await expect(dialog.getByText("timestamp must be in the past or at most five minutes ahead")).toBeVisible();
  await expect(dialog.getByLabel("Timestamp")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: test.info().outputPath("log-event-invalid.png") });

  const description = `Logged by e2e ${Date.now()}`;
  const now = await page.evaluate(() => {
    const date = new Date();
    const pad = (value: number) => String(value).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  });
  await dialog.getByLabel("Timestamp").fill(now);
  await dialog.getByLabel("Event type").selectOption("BLOCK");
  await dialog.getByLabel("Status").selectOption("FAILURE");
  await dialog.getByLabel("Description (optional)").fill(description);
  await dialog.getByRole("button", { name: "Save event" }).click();
  await expect(dialog).toBeHidden();

  const logged = entries(page).filter({ hasText: description });
  await expect(logged).toBeVisible();
  await expect(logged).toHaveAttribute("aria-current", "true");
  await expect(entries(page).first()).toContainText(description);
  await expect(logged.getByText("BLOCK", { exact: true })).toBeVisible();
  await expect(logged.getByText("FAILURE", { exact: true })).toBeVisible();

  const at = new URL(page.url()).searchParams.get("at");
  const stored = await timelineEventIds(
    request,
    busiest,
    `q=${encodeURIComponent(`description:${escapeFilterValue(description)}`)}`,
  );
  expect(stored.events.map((event) => String(event.id))).toEqual([at]);
  expect(stored.events[0]).toMatchObject({
    status: "FAILURE",
    event_type: { description: "BLOCK" },
    user: { username: acmeAdmin.username },
  });
});

test("support staff see no Log event button, and a forced write is refused", async ({ page, request }) => {
  const { container, orgId } = await busiestContainer(request, acmeSupport);
  await login(page, acmeSupport, `/orgs/${orgId}/containers/${encodeURIComponent(container.id)}`);
  await expect(entries(page).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: container.name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Log event" })).toHaveCount(0);

  const token = await apiLogin(request, acmeSupport);
  const countEvents = async () =>
    Number(
      (await apiGet(request, token, `${apiPaths.containerEventList(orgId, container.id)}?per_page=1`))
        .headers["x-total-count"],
    );
  const before = await countEvents();
  await page.goto(`/orgs/${orgId}/containers/${encodeURIComponent(container.id)}?log=event`);
  const dialog = page.getByRole("dialog", { name: /Log an event/ });
  await dialog.getByRole("button", { name: "Save event" }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  expect(await countEvents(), "the forced write was refused").toBe(before);
});

test("?at=<event id> opens the timeline around an older event, highlighted, with its neighbours", async ({
  page,
  request,
}) => {
  const busiest = await busiestContainer(request, acmeAdmin);
  const { container, orgId } = busiest;
  const { events } = await timelineEventIds(request, busiest, "page=3&per_page=50");
  const [before, target, after] = [events[19], events[20], events[21]];
  if (!before || !target || !after) throw new Error("the busiest container has fewer than 122 events");

  await login(
    page,
    acmeAdmin,
    `/orgs/${orgId}/containers/${encodeURIComponent(container.id)}?at=${target.id}`,
  );
  const highlighted = page.locator(`#event-${target.id}`);
  await expect(highlighted).toHaveAttribute("aria-current", "true");
  await expect(highlighted).toBeInViewport();
  await expect(page.locator(`#event-${before.id}`)).toBeVisible();
  await expect(page.locator(`#event-${after.id}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Load newer events" })).toBeVisible();
  await expect(page.locator(".timeline-entry[aria-current]")).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath("timeline-at.png") });
  await expectNoSeriousAxeViolations(page);
});
