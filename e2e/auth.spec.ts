import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { apiBase, apiPaths } from "../src/contract/api-paths";
import { login } from "./fixtures/login";
import { capture } from "./fixtures/screenshots";
import { test } from "./fixtures/test";
import { acmeSupport } from "./fixtures/users";

test("a user signs in and out", async ({ page }) => {
  await login(page, acmeSupport);
  await expect(page).toHaveURL(/\/orgs\/2\/events/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/login" && !url.searchParams.has("next"));
  await expect(page.getByText("You have signed out")).toBeVisible();
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

  // The server refuses the token of the next request (as it does once the session is revoked elsewhere).
  let refused = false;
  await page.route(
    (url) => url.pathname === `${apiBase}/orgs/2/events` && url.searchParams.get("sort") === "severity",
    (route) => {
      if (refused) return route.fallback();
      refused = true;
      return route.fulfill({
        status: 401,
        contentType: "application/json",
        body: JSON.stringify({ error: "unauthorized", message: "The token was revoked." }),
      });
    },
  );
  await page
    .getByRole("table", { name: "Events" })
    .getByRole("button", { name: /^Severity/ })
    .click();
  const view2 = "/orgs/2/events?sort=severity&q=severity%3A2";
  await page.waitForURL(/\/login\?next=/);
  expect(new URL(page.url()).searchParams.get("next")).toBe(view2);
  await expect(page.getByText("Your session has ended")).toBeVisible();

  await page.getByLabel("Username", { exact: true }).fill(acmeSupport.username);
  await page.getByLabel("Password", { exact: true }).fill(acmeSupport.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === view2);
  await expect(page.getByRole("button", { name: "Remove filter Severity" })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Events" }).getByRole("columnheader", { name: "Severity" }),
  ).toHaveAttribute("aria-sort", "ascending");
});

// Each resolves to a protocol-relative `//host` once the browser removes its dot segments.
for (const next of ["/..//evil.test", "/.//x", "/a/..//x", "/%2e%2e//x"]) {
  test(`signing in with next=${next} stays on this origin and lands on a dashboard page`, async ({
    page,
    baseURL,
  }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`/login?next=${next}`);
    await page.getByLabel("Username", { exact: true }).fill(acmeSupport.username);
    await page.getByLabel("Password", { exact: true }).fill(acmeSupport.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.origin === baseURL && url.pathname === "/orgs/2/events");
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();

    // Signed in already, the same link (percent-encoded this time) redirects at once, and as safely.
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.waitForURL((url) => url.origin === baseURL && url.pathname === "/orgs/2/events");
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    expect(errors).toEqual([]);
  });
}

const authenticate = `${apiBase}${apiPaths.authenticate}`;

/** The refresh token of the browser's session: in its HttpOnly cookie, out of the page's scripts' reach. */
async function storedRefreshToken(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "eventdesk_refresh");
  if (!cookie) throw new Error("no session cookie");
  return cookie.value;
}

/** What the server says to a refresh token now: 200 while the session lives, 401 once it has ended. */
async function refreshStatus(request: APIRequestContext, refreshToken: string): Promise<number> {
  return (await request.post(authenticate, { data: { refresh_token: refreshToken } })).status();
}

test("a sign-out the server cannot complete says so, keeps the session, and retries until it goes through", async ({
  page,
  request,
}) => {
  // The real server cannot be made to fail on demand: the browser's DELETE is answered here until `failure` is
  // cleared, first as a full disk does (503 with Retry-After), then as a network that is down.
  let failure: "unavailable" | "offline" | undefined = "unavailable";
  await page.route(`**${authenticate}`, (route, routed) => {
    if (routed.method() !== "DELETE" || failure === undefined) return route.fallback();
    if (failure === "offline") return route.abort("internetdisconnected");
    return route.fulfill({
      status: 503,
      headers: { "Retry-After": "2" },
      contentType: "application/json",
      body: JSON.stringify({
        error: "unavailable",
        message:
          "The event store cannot save right now (its disk is read-only or full); reading still works.",
      }),
    });
  });
  await login(page, acmeSupport);
  const refreshToken = await storedRefreshToken(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  const notice = page.getByRole("alert").filter({ hasText: "Not signed out" });
  await expect(notice).toContainText("You are still signed in");
  await expect(notice).toContainText("disk is read-only or full");
  await expect(page.getByText(/^Trying again (at|…)/)).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/orgs/2/events");
  expect(await refreshStatus(request, refreshToken), "the session is still valid on the server").toBe(200);
  await page.getByRole("link", { name: "Containers" }).click();
  await expect(page.getByRole("table", { name: "Containers" }).getByRole("link").first()).toBeVisible();
  await capture(page, "sign-out-failed");

  failure = "offline";
  await expect(notice).toContainText("Could not reach the EventDesk server", { timeout: 15_000 });
  expect(new URL(page.url()).pathname).toBe("/orgs/2/containers");

  failure = undefined;
  await page.getByRole("button", { name: "Retry sign-out" }).click();
  await page.waitForURL((url) => url.pathname === "/login" && !url.searchParams.has("next"));
  await expect(page.getByText("You have signed out")).toBeVisible();
  expect(await refreshStatus(request, refreshToken), "the server ended the session").toBe(401);
  await capture(page, "login-signed-out");
});

test("a session carries across tabs and reloads, and scripts never see its refresh token", async ({
  page,
}) => {
  await login(page, acmeSupport, "/orgs/2/events");
  const storage = await page.evaluate(() => ({
    cookies: document.cookie,
    session: JSON.stringify(Object.entries(sessionStorage)),
    local: JSON.stringify(Object.entries(localStorage)),
  }));
  expect(storage.cookies).not.toContain("eventdesk_refresh");
  expect(`${storage.session}${storage.local}`).not.toMatch(/eyJ/);
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "eventdesk_refresh");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/api/v1/authenticate" });

  // Ctrl-click a container: the new tab is signed in.
  const other = await page.context().newPage();
  await other.goto("/orgs/2/containers");
  await expect(other.getByRole("table", { name: "Containers" })).toBeVisible();
  await expect(other.getByRole("button", { name: "Sign in" })).toHaveCount(0);
  await other.reload();
  await expect(other.getByRole("table", { name: "Containers" })).toBeVisible();

  // Signing out in one tab signs out every tab.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await other.waitForURL((url) => url.pathname === "/login");
  await other.goto("/orgs/2/events");
  await other.waitForURL(/\/login\?next=/);
});
