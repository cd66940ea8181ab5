import { expect } from "@playwright/test";
import { apiPaths } from "../src/contract/api-paths";
import { containerListSchema } from "../src/contract/container";
import { apiGet, apiLogin } from "./fixtures/api";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { login } from "./fixtures/login";
import { test } from "./fixtures/test";
import { acmeAdmin, acmeSupport, globexAdmin } from "./fixtures/users";

test("a malformed organisation in the URL offers a way out, not a useless Retry", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/containers");
  await expect(page.getByRole("table", { name: "Containers" })).toBeVisible();
  await page.goto("/orgs/abc/events");
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);
  await page.getByRole("link", { name: "Go to your organisation's events" }).click();
  await expect(page.getByRole("table", { name: "Events" }).locator("tbody tr").first()).toBeVisible();
});

test("a support user opening another organisation's container can go back or start over", async ({
  page,
  request,
}) => {
  const token = await apiLogin(request, globexAdmin);
  const outside = containerListSchema.parse((await apiGet(request, token, apiPaths.containers(4))).body)[0];
  if (!outside) throw new Error("Globex has no containers in the demo data");
  await login(page, acmeSupport, "/orgs/2/containers");
  await expect(page.getByRole("table", { name: "Containers" })).toBeVisible();
  await page.goto(`/orgs/2/containers/${encodeURIComponent(outside.id)}`);
  await expect(page.getByRole("alert")).toContainText(/not found|not visible/i);
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await page.getByRole("button", { name: "Go back" }).click();
  await expect(page).toHaveURL(/\/orgs\/2\/containers$/);
});

test("Back after opening an event closes its drawer and stays on the list", async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/containers");
  await page.getByRole("link", { name: "Events" }).click();
  const table = page.getByRole("table", { name: "Events" });
  await table.locator("tbody tr").nth(2).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page).toHaveURL(/\/orgs\/1\/events$/);
  await expect(table.locator("tbody tr").first()).toBeVisible();
});
