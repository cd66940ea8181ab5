import { expect, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { login } from "./fixtures/login";
import { capturePhone, captureWide } from "./fixtures/screenshots";
import { test } from "./fixtures/test";
import { acmeAdmin } from "./fixtures/users";

/** Every page of the dashboard, at 1440 px and 390 px in light and dark, each checked with axe. */
const pages: readonly [name: string, path: string, ready: (page: Page) => Promise<void>][] = [
  [
    "gallery-events",
    "/orgs/1/events",
    (page) => expect(page.getByRole("figure")).toHaveAttribute("aria-busy", "false"),
  ],
  [
    "gallery-failures",
    "/orgs/1/failures",
    (page) =>
      expect(
        page
          .getByRole("region", { name: /^Top reasons/ })
          .locator(".failure-bar")
          .first(),
      ).toBeVisible(),
  ],
  [
    "gallery-containers",
    "/orgs/1/containers",
    (page) =>
      expect(page.getByRole("table", { name: "Containers" }).locator("tbody tr").first()).toBeVisible(),
  ],
  [
    "gallery-container",
    "/orgs/1/containers/c-0001",
    (page) => expect(page.locator(".timeline-entry").first()).toBeVisible(),
  ],
];

for (const [name, path, ready] of pages) {
  test(`${path} in light and dark, at 1440 and 390 px, with no serious axe violations`, async ({ page }) => {
    test.setTimeout(120_000);
    await login(page, acmeAdmin, path);
    await ready(page);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await expectNoSeriousAxeViolations(page);
    }
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    });
    await captureWide(page, name);
    await capturePhone(page, name);
  });
}

test("the sign-in page in light and dark, at 1440 and 390 px", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await captureWide(page, "gallery-login");
  await capturePhone(page, "gallery-login");
});
