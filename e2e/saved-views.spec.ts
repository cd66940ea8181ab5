import { expect, type Page } from "@playwright/test";
import { apiBase, apiPaths } from "../src/contract/api-paths";
import { savedViewListSchema } from "../src/contract/saved-view";
import { apiGet, apiLogin } from "./fixtures/api";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { login } from "./fixtures/login";
import { capture, capturePhone } from "./fixtures/screenshots";
import { test } from "./fixtures/test";
import { acmeAdmin, acmeSupport } from "./fixtures/users";

const privateName = "My logistics failures";
const sharedName = "Wrong passwords at Logistics";
const failuresSearch = "q=reason%3Awrong_password&sort=-timestamp";

const savedViews = (page: Page) => page.getByRole("navigation", { name: "Saved views" });

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
}

async function saveView(page: Page, name: string, share: boolean): Promise<void> {
  await savedViews(page).getByRole("button", { name: "Save view" }).click();
  const dialog = page.getByRole("dialog", { name: "Save view" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Share with Acme Logistics").setChecked(share);
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog).toBeHidden();
  await expect(savedViews(page).getByRole("link", { name })).toBeVisible();
}

test("an admin saves a private and a shared view; support sees and opens only the shared one; the admin renames and deletes", async ({
  page,
  request,
}) => {
  // The admin, on org 2's failures with a filter and an order, on page 2.
  await login(page, acmeAdmin, `/orgs/2/failures?${failuresSearch}&page=2`);
  await expect(savedViews(page).getByText("None yet")).toBeVisible();
  await saveView(page, privateName, false);

  // The same name again is the server's 409, shown under the field in its words; the dialog is keyboard-driven.
  await savedViews(page).getByRole("button", { name: "Save view" }).click();
  const dialog = page.getByRole("dialog", { name: "Save view" });
  await expect(dialog.getByLabel("Name")).toBeFocused();
  await page.keyboard.type(privateName);
  await page.keyboard.press("Enter");
  await expect(dialog.getByText(`You already have a saved view named "${privateName}".`)).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await capture(page, "saved-views-name-taken");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await saveView(page, sharedName, true);
  const mine = savedViews(page).getByRole("listitem");
  await expect(mine).toHaveCount(2);
  // Own views by name; the shared one says so.
  await expect(mine.nth(0)).toContainText(privateName);
  await expect(mine.nth(1)).toContainText(sharedName);
  await expect(mine.nth(1)).toContainText("Shared");
  const link = savedViews(page).getByRole("link", { name: sharedName });
  await expect(link).toHaveAttribute("href", `/orgs/2/failures?${failuresSearch}`);
  await capture(page, "saved-views-sidebar");
  await capturePhone(page, "saved-views-sidebar");

  // Support (reach: org 2) sees the shared view, not the private one, and has no controls for it.
  await signOut(page);
  await login(page, acmeSupport, "/orgs/2/events");
  await expect(savedViews(page).getByRole("link", { name: sharedName })).toBeVisible();
  await expect(savedViews(page).getByRole("listitem").filter({ hasText: sharedName })).toContainText(
    "Shared by ",
  );
  await expect(savedViews(page).getByRole("link", { name: privateName })).toHaveCount(0);
  await expect(savedViews(page).getByRole("button", { name: `Edit ${sharedName}` })).toHaveCount(0);
  await expect(savedViews(page).getByRole("button", { name: `Delete ${sharedName}` })).toHaveCount(0);
  await expect(savedViews(page).getByRole("heading", { name: "Shared with you" })).toBeVisible();

  // Opening it is navigating: the page and its filters come back, without the page number or the event.
  await savedViews(page).getByRole("link", { name: sharedName }).click();
  await page.waitForURL((url) => url.pathname === "/orgs/2/failures" && url.search === `?${failuresSearch}`);
  await expect(page.getByRole("group", { name: "Filters" })).toContainText("wrong_password");
  await expect(savedViews(page).getByRole("link", { name: sharedName })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await capture(page, "saved-views-support");
  await capturePhone(page, "saved-views-support");

  // The API agrees: support may read it, not change or delete it.
  const supportToken = await apiLogin(request, acmeSupport);
  const listed = savedViewListSchema.parse((await apiGet(request, supportToken, apiPaths.views)).body);
  const shared = listed.find((view) => view.name === sharedName);
  if (!shared) throw new Error("support's list lacks the shared view");
  expect(listed.map((view) => view.name)).not.toContain(privateName);
  const headers = { Authorization: `Bearer ${supportToken}` };
  const patch = await request.patch(`${apiBase}${apiPaths.view(shared.id)}`, {
    headers,
    data: { name: "Mine" },
  });
  expect(patch.status()).toBe(403);
  expect((await request.delete(`${apiBase}${apiPaths.view(shared.id)}`, { headers })).status()).toBe(403);

  // The admin renames the private view and deletes the shared one, after confirming.
  await signOut(page);
  await login(page, acmeAdmin, "/orgs/1/events");
  await savedViews(page)
    .getByRole("button", { name: `Edit ${privateName}` })
    .click();
  const edit = page.getByRole("dialog", { name: `Edit “${privateName}”` });
  await edit.getByLabel("Name").fill("Logistics failures, mine");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(savedViews(page).getByRole("link", { name: "Logistics failures, mine" })).toBeVisible();

  await savedViews(page)
    .getByRole("button", { name: `Delete ${sharedName}` })
    .click();
  const confirm = page.getByRole("dialog", { name: "Delete view" });
  await expect(confirm).toContainText(`Delete “${sharedName}”?`);
  await expectNoSeriousAxeViolations(page);
  await capture(page, "saved-views-delete");
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm).toBeHidden();
  await expect(savedViews(page).getByRole("link", { name: sharedName })).toHaveCount(0);
  const adminToken = await apiLogin(request, acmeAdmin);
  const left = savedViewListSchema.parse((await apiGet(request, adminToken, apiPaths.views)).body);
  expect(left.map((view) => view.name)).toEqual(["Logistics failures, mine"]);
});
