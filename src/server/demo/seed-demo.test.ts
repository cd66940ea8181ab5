import { afterAll, expect, it } from "vitest";
import { verifyPassword } from "../auth/password";
import { openSqliteStore } from "../store/sqlite-store";
import { tempDbFile } from "../store/test-fixture";
import { seedDemo } from "./seed-demo";

const temp = tempDbFile();
const store = openSqliteStore(temp.file);
afterAll(() => {
  store.close();
  temp.remove();
});

it("seeds the demo world with one password for the documented logins, ending at the current hour", async () => {
  const before = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  await seedDemo(store, { events: 300, password: "s3cret" });
  const everyone = { orgIds: [1, 2, 3, 4] };
  expect(store.countEvents(everyone, {})).toBe(300);
  const newest = store.listEvents(everyone, {}, [{ field: "timestamp", desc: true }], { page: 1, perPage: 1 })
    .rows[0];
  expect(Date.parse(newest?.timestamp ?? "")).toBeLessThan(before + 3_600_000);
  expect(Date.parse(newest?.timestamp ?? "")).toBeGreaterThan(before - 2 * 3_600_000);
  for (const username of ["admin@acme.test", "support@acme.test", "admin@globex.test"]) {
    const user = store.findUserByUsername(username);
    expect(await verifyPassword("s3cret", user?.passwordHash ?? ""), username).toBe(true);
    expect(await verifyPassword("demo", user?.passwordHash ?? ""), username).toBe(false);
  }
  const actor = store.findUserById(4);
  expect(actor).toBeDefined();
  expect(await verifyPassword("s3cret", actor?.passwordHash ?? "")).toBe(false);
});
