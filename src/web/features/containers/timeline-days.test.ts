import { afterEach, describe, expect, it, vi } from "vitest";
import type { Event } from "../../../contract/event";
import { groupByDay, localDayKey } from "./timeline-days";

const at = (id: number, timestamp: string) => ({ id, timestamp }) as Event;

/** The module with its formatters made in `zone`, as a viewer there gets it. */
async function inZone(zone: string) {
  vi.stubEnv("TZ", zone);
  vi.resetModules();
  return import("./timeline-days");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("groupByDay", () => {
  // Every zone's offset is a whole quarter hour, so instants within one UTC quarter hour share a local day in
  // any zone, and instants more than a day apart never do: this holds wherever the test runs.
  it("keeps the order and starts a new group at each local day, in any zone", () => {
    const events = [
      at(4, "2026-11-20T12:10:00Z"),
      at(3, "2026-11-20T12:02:00Z"),
      at(2, "2026-11-19T12:05:00Z"),
      at(1, "2026-11-17T12:00:00Z"),
    ];
    const days = groupByDay(events, Date.parse("2026-11-20T12:14:00Z"));
    expect(days.map((day) => day.events.map((event) => event.id))).toEqual([[4, 3], [2], [1]]);
    expect(days[0]?.key).toBe(localDayKey(Date.parse("2026-11-20T12:00:00Z")));
    expect(days[0]?.label).toMatch(/^Today · /);
    expect(days[1]?.label).toMatch(/^Yesterday · /);
    expect(days[2]?.label).not.toMatch(/^(Today|Yesterday)/);
  });

  it("splits at the viewer's midnight, not UTC's", async () => {
    const now = Date.parse("2026-11-20T12:00:00Z");
    const chatham = await inZone("Pacific/Chatham");
    const events = [at(2, "2026-11-20T12:00:00Z"), at(1, "2026-11-20T08:00:00Z")];
    expect(chatham.groupByDay(events, now).map((day) => day.key)).toEqual(["2026-11-21", "2026-11-20"]);
    const losAngeles = await inZone("America/Los_Angeles");
    const acrossUtcMidnight = [at(2, "2026-11-20T05:00:00Z"), at(1, "2026-11-19T12:00:00Z")];
    expect(losAngeles.groupByDay(acrossUtcMidnight, now).map((day) => day.key)).toEqual(["2026-11-19"]);
  });

  it("splits at UTC midnight when times are shown in UTC, wherever the viewer is", async () => {
    const now = Date.parse("2026-11-20T12:00:00Z");
    const chatham = await inZone("Pacific/Chatham");
    const events = [at(2, "2026-11-20T12:00:00Z"), at(1, "2026-11-20T08:00:00Z")];
    const days = chatham.groupByDay(events, now, "utc");
    expect(days.map((day) => day.key)).toEqual(["2026-11-20"]);
    expect(days[0]?.label).toBe("Today · Friday, November 20, 2026");
  });

  it("answers no groups for no events", () => {
    expect(groupByDay([])).toEqual([]);
  });
});
