import { expect } from "@playwright/test";
import { apiBase, apiPaths } from "../src/contract/api-paths";
import { containerListSchema, createdEventSchema } from "../src/contract/container";
import { apiGet, apiLogin } from "./fixtures/api";
import { login } from "./fixtures/login";
import { test } from "./fixtures/test";
import { acmeAdmin } from "./fixtures/users";

const planted = `<img src=x onerror="window.__planted='img'"><script>window.__planted='script'</script> planted-${Date.now()}`;

test("an event description holding HTML and script is shown as text and runs nothing", async ({
  page,
  request,
}) => {
  const token = await apiLogin(request, acmeAdmin);
  const containers = containerListSchema.parse((await apiGet(request, token, apiPaths.containers(1))).body);
  const container = containers[0];
  if (!container) throw new Error("the demo world has no container in organisation 1");
  const posted = await request.post(`${apiBase}${apiPaths.containerEventList(1, container.id)}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      event_type: "ACCESS",
      status: "FAILURE",
      timestamp: new Date().toISOString(),
      description: planted,
    },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  const { id } = createdEventSchema.parse(await posted.json());

  await login(page, acmeAdmin, `/orgs/1/containers/${encodeURIComponent(container.id)}?at=${String(id)}`);
  await expect(page.getByText(planted, { exact: true })).toBeVisible();

  await page.goto("/orgs/1/events");
  await expect(page.getByRole("cell", { name: planted })).toBeVisible();

  expect(await page.evaluate(() => (window as { __planted?: string }).__planted)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});
