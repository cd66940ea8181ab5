import { expect, test } from "@playwright/test";
import { login } from "./fixtures/login";
import { acmeSupport } from "./fixtures/users";

test("a user signs in and out", async ({ page }) => {
  await login(page, acmeSupport);
  await expect(page).toHaveURL(/\/orgs\/2\/events/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/login" && !url.searchParams.has("next"));
  await page.goto("/orgs/2/events");
  await page.waitForURL(/\/login\?next=/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("a wrong password is refused with the server's message and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username", { exact: true }).fill(acmeSupport.username);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText(/password|credentials/i);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});

test("a token the server refuses mid-session leads to sign-in and back to the same view", async ({
  page,
}) => {
  const view = "/orgs/2/events?sort=type&q=severity%3A2";
  await login(page, acmeSupport, view);
  await expect(page.getByRole("button", { name: "Remove filter Severity" })).toBeVisible();

  // Tamper with the stored auth token's signature: the server answers the next request 401.
  await page.evaluate(() => {
    const stored = sessionStorage.getItem("eventdesk.session");
    if (!stored) throw new Error("no stored session");
    const session = JSON.parse(stored) as Record<string, unknown>;
    for (const [key, value] of Object.entries(session)) {
      if (/auth/i.test(key) && typeof value === "string") session[key] = `${value.slice(0, -6)}AAAAAA`;
    }
    sessionStorage.setItem("eventdesk.session", JSON.stringify(session));
  });
  await page.reload();
  await page.waitForURL(/\/login\?next=/);
  expect(new URL(page.url()).searchParams.get("next")).toBe(view);
  await expect(page.getByText("Your session has ended")).toBeVisible();

  await page.getByLabel("Username", { exact: true }).fill(acmeSupport.username);
  await page.getByLabel("Password", { exact: true }).fill(acmeSupport.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === view);
  await expect(page.getByRole("button", { name: "Remove filter Severity" })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Events" }).getByRole("columnheader", { name: "Type" }),
  ).toHaveAttribute("aria-sort", "ascending");
});
