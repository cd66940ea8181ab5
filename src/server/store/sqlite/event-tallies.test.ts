import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { fixtureNowMs, logContainerEvent } from "../test-fixture";
import { valueTallyTables } from "../value-tallies";
import { seededSqliteStore } from "./test-fixture";

// The counts the store answers are checked against the events in ../counts-after-writes.test.ts; this checks
// the table they are read from, after writes on this connection and on another.
const fixture = await seededSqliteStore(3000);
afterAll(async () => {
  await fixture.close();
});

it("keeps event_tallies, the day, hour and value tallies equal to the events they count", async () => {
  const { store, world } = fixture;
  const container = await store.findContainer(
    [2],
    world.containers.find((c) => c.organisationId === 2)?.id ?? "",
  );
  if (!container) throw new Error("the demo world has no container in organisation 2");
  await logContainerEvent(store, container, 2, {
    event_type: "ACCESS",
    status: "FAILURE",
    timestamp: new Date(fixtureNowMs).toISOString(),
  });
  const other = await fixture.connect();
  try {
    await logContainerEvent(other, container, 2, {
      event_type: "BLOCK",
      status: "SUCCESS",
      timestamp: new Date(fixtureNowMs).toISOString(),
    });
  } finally {
    await other.close();
  }
  const db = new Database(fixture.file, { readonly: true });
  try {
    const tallied = db
      .prepare(
        "SELECT organisation_id, type_id, status, in_container, sum(n) AS n FROM event_tallies GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
      )
      .all();
    const counted = db
      .prepare(
        "SELECT organisation_id, type_id, coalesce(status, '') AS status, container_id IS NOT NULL AS in_container, count(*) AS n FROM events GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
      )
      .all();
    expect(tallied).toEqual(counted);
    const talliedByDay = db
      .prepare(
        "SELECT organisation_id, day, type_id, severity_id, sum(n) AS n FROM event_day_tallies GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
      )
      .all();
    const countedByDay = db
      .prepare(
        "SELECT organisation_id, timestamp / 86400000 AS day, type_id, severity_id, count(*) AS n FROM events GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
      )
      .all();
    expect(talliedByDay.length).toBeGreaterThan(90);
    expect(talliedByDay).toEqual(countedByDay);
    const talliedByHour = db
      .prepare(
        "SELECT organisation_id, hour, type_id, status, sum(n) AS n FROM event_hour_tallies GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
      )
      .all();
    const countedByHour = db
      .prepare(
        "SELECT organisation_id, timestamp / 3600000 AS hour, type_id, coalesce(status, '') AS status, count(*) AS n FROM events GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
      )
      .all();
    expect(talliedByHour.length).toBeGreaterThan(talliedByDay.length);
    expect(talliedByHour).toEqual(countedByHour);
    for (const { table, column } of valueTallyTables) {
      const talliedByValue = db
        .prepare(
          `SELECT organisation_id, day, ${column}, type_id, status, sum(n) AS n FROM ${table} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
        )
        .all();
      const countedByValue = db
        .prepare(
          `SELECT organisation_id, timestamp / 86400000 AS day, ${column}, type_id, coalesce(status, '') AS status, count(*) AS n FROM events WHERE ${column} IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
        )
        .all();
      expect(talliedByValue.length, table).toBeGreaterThan(10);
      expect(talliedByValue, table).toEqual(countedByValue);
    }
  } finally {
    db.close();
  }
});
