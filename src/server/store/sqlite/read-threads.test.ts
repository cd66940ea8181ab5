import { afterAll, expect, it } from "vitest";
import { seedDemoStore } from "../test-fixture";
import { openSqliteTestStore } from "./test-fixture";

const opened = openSqliteTestStore({ readThreads: 1 });
const fixture = await seedDemoStore(opened, 3000);
afterAll(async () => {
  await fixture.close();
});
const { store } = fixture;
const reach = { orgIds: [1, 2, 3] };

it("does not run a read whose caller has gone before a thread took it", async () => {
  const gone = new AbortController();
  const blocking = store.listEvents(reach, { description: ["denied"] }, [], { page: 1, perPage: 50 });
  const queued = store.countEvents(reach, {}, { signal: gone.signal });
  gone.abort(new Error("the client went away"));
  await expect(queued).rejects.toThrow("the client went away");
  expect((await blocking).total).toBeGreaterThan(0);
  expect(await store.countEvents(reach, {})).toBe(
    fixture.events.filter((e) => e.organisation.id !== 4).length,
  );
});

it("reads an export's chunks on its thread between other reads", async () => {
  const { total, csv } = await store.exportEvents(reach, {}, [{ field: "id", desc: false }], {
    chunkRows: 400,
  });
  const decoder = new TextDecoder();
  let rows = 0;
  for (let next = await csv.next(); next.done !== true; next = await csv.next()) {
    rows += decoder.decode(next.value).split("\r\n").length - 1;
    expect((await store.listEvents(reach, {}, [], { page: 2, perPage: 5 })).rows).toHaveLength(5);
  }
  expect(rows).toBe(total);
});

it("a store closed under an open export fails its next chunk rather than end it as if complete", async () => {
  const other = openSqliteTestStore({ readThreads: 1 });
  await seedDemoStore(other, 500);
  const { csv } = await other.store.exportEvents(reach, {}, [], { chunkRows: 50 });
  expect((await csv.next()).done).toBe(false);
  await other.remove();
  await expect(csv.next()).rejects.toThrow();
});
