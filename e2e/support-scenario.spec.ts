import { expect } from "@playwright/test";
import { apiPaths } from "../src/contract/api-paths";
import { facetsSchema } from "../src/contract/facets";
import { apiGet, apiLogin } from "./fixtures/api";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { login } from "./fixtures/login";
import { capture, capturePhone } from "./fixtures/screenshots";
import { test } from "./fixtures/test";
import { acmeAdmin } from "./fixtures/users";

test("why can't this customer open the file: signed in, three clicks reach the failure in its container's timeline", async ({
  page,
  request,
}) => {
  await login(page, acmeAdmin, "/");
  let clicks = 0;
  const click = async (target: ReturnType<typeof page.getByRole>) => {
    clicks++;
    await target.click();
  };

  // 1: Failures. The top reason and address are on screen, exact.
  await click(page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Failures" }));
  const reasons = page.getByRole("region", { name: /^Top reasons/ });
  const addresses = page.getByRole("region", { name: /^Top client addresses/ });
  const topReason = reasons.locator(".failure-bar").first();
  await expect(topReason).toBeVisible();
  const reason = await topReason.locator(".failure-bar-label").innerText();
  const address = await addresses.locator(".failure-bar-label").first().innerText();
  const token = await apiLogin(request, acmeAdmin);
  const facets = facetsSchema.parse(
    (
      await apiGet(
        request,
        token,
        `${apiPaths.orgEventFacets(1)}?view=by_fail&fields=reason,client_ip&limit=1`,
      )
    ).body,
  );
  expect(reason).toBe(facets.facets.reason?.[0]?.label);
  expect(address).toBe(facets.facets.client_ip?.[0]?.label);

  // 2: the top reason narrows the table to its failures.
  await click(topReason);
  await page.waitForURL((url) => url.searchParams.get("q") === `reason:${reason}`);
  const table = page.getByRole("table", { name: "Failed container events" });
  await expect(table).toHaveAttribute("aria-busy", "false");
  const firstRow = table.locator("tbody tr").first();

  // 3: the latest such failure, in its container's timeline, centred and marked, saying why and from where.
  await click(firstRow.getByRole("link", { name: /timeline at/ }));
  await page.waitForURL(/\/containers\/[^?]+\?at=\d+/);
  const at = new URL(page.url()).searchParams.get("at") ?? "";
  const failure = page.locator(`#event-${at}`);
  await expect(failure).toHaveAttribute("aria-current", "true");
  await expect(failure).toBeInViewport();
  await expect(failure.locator(".timeline-entry-why")).toContainText(`Reason ${reason}`);
  await expect(failure.locator(".timeline-entry-why")).toContainText("from ");
  expect(clicks).toBeLessThanOrEqual(3);
  await capture(page, "support-scenario-timeline");
  await capturePhone(page, "support-scenario-timeline");
  await expectNoSeriousAxeViolations(page);
});
