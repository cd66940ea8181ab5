import { expect } from "@playwright/test";
import { apiBase, apiPaths } from "../src/contract/api-paths";
import { meSchema } from "../src/contract/organisation";
import { apiGet, apiLogin } from "./fixtures/api";
import { login } from "./fixtures/login";
import { test } from "./fixtures/test";
import { acmeSupport } from "./fixtures/users";

test("the server answers /healthz without a token", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
});

test("the server serves its OpenAPI 3.1 document without a token", async ({ request }) => {
  const response = await request.get(`${apiBase}/openapi.json`);
  expect(response.status()).toBe(200);
  const spec = (await response.json()) as { openapi?: unknown; paths?: Record<string, unknown> };
  expect(spec.openapi).toMatch(/^3\.1\./);
  expect(Object.keys(spec.paths ?? {}).join("\n")).toContain("container_events");
});

test("the API signs a demo user in and answers who they are", async ({ request }) => {
  const token = await apiLogin(request, acmeSupport);
  const me = meSchema.parse((await apiGet(request, token, apiPaths.me)).body);
  expect(me.user).toMatchObject({ username: acmeSupport.username, role: acmeSupport.role });
  expect(me.organisation).toEqual(acmeSupport.organisation);
});

test("the dashboard root serves the app, titled EventDesk", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.headers()["content-type"]).toContain("text/html");
  await expect(page).toHaveTitle(/EventDesk/);
});

test("a deep link serves the dashboard too, so a shared URL loads", async ({ request }) => {
  const response = await request.get("/orgs/1/events?sort=id&q=severity:2");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/html");
  expect(await response.text()).toMatch(/<title>[^<]*EventDesk/);
});

test("a demo user signs in through the dashboard's form", async ({ page }) => {
  await login(page, acmeSupport);
  await expect(page.getByRole("link", { name: "Events" })).toBeVisible();
});
