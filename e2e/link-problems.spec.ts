import { expect, type Page } from "@playwright/test";
import { login } from "./fixtures/login";
import { test } from "./fixtures/test";
import { acmeAdmin } from "./fixtures/users";

const problem = (page: Page) =>
  page.getByRole("alert").filter({ hasText: "This link asks for something the list cannot show" });

test.beforeEach(async ({ page }) => {
  await login(page, acmeAdmin, "/orgs/1/events");
  await expect(page.getByRole("table", { name: "Events" }).locator("tbody tr").first()).toBeVisible();
});

for (const [query, message] of [
  ["q=severity:1,garbage", 'the filter "garbage" must be written field:value.'],
  ["q=garbage", 'the filter "garbage" must be written field:value.'],
  ["q=user:", "the filter user has an empty value."],
  ["q=description:a%5Cb", "a backslash must be followed by a comma or another backslash."],
  ["q=type:6&q=type:7", "q may be given only once."],
] as const) {
  test(`?${query} says what is wrong instead of listing every event, and the filters can be cleared`, async ({
    page,
  }) => {
    await page.goto(`/orgs/1/events?${query}&sort=type`);
    await expect(problem(page)).toContainText(message);
    await expect(page.getByRole("table", { name: "Events" })).toHaveCount(0);
    await page.getByRole("button", { name: "Clear the filters" }).click();
    await expect(page.getByRole("table", { name: "Events" }).locator("tbody tr").first()).toBeVisible();
    expect(new URL(page.url()).searchParams.get("q")).toBeNull();
    expect(new URL(page.url()).searchParams.get("sort")).toBe("type");
  });
}

test("?sort=bogus and ?per_page=5000 are named, with their own way out", async ({ page }) => {
  await page.goto("/orgs/1/events?sort=bogus&q=severity:1");
  await expect(problem(page)).toContainText('unknown sort field "bogus"');
  await page.getByRole("button", { name: "Use the default order" }).click();
  await expect(page.getByRole("button", { name: "Remove filter Severity" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Events" }).locator("tbody tr").first()).toBeVisible();

  await page.goto("/orgs/1/containers?per_page=5000");
  await expect(problem(page)).toContainText("per_page must be a whole number from 1 to 1000.");
  await page.getByRole("button", { name: "Use the default page size" }).click();
  await expect(page.getByRole("table", { name: "Containers" }).locator("tbody tr").first()).toBeVisible();
});
