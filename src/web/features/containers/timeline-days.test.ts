import { describe, expect, it } from "vitest";
import type { Event } from "../../../contract/event";
import { groupByDay, localDayKey } from "./timeline-days";

const at = (id: number, timestamp: string) => ({ id, timestamp }) as Event;

describe("groupByDay", () => {
  it("keeps the order and starts a new group at each local day", () => {
    const events = [
      at(3, "2026-11-20T12:00:00Z"),
      at(2, "2026-11-20T08:00:00Z"),
      at(1, "2026-11-18T12:00:00Z"),
    ];
    const days = groupByDay(events, Date.parse("2026-11-20T13:00:00Z"));
    expect(days.map((day) => day.events.map((event) => event.id))).toEqual([[3, 2], [1]]);
    expect(days[0]?.key).toBe(localDayKey(Date.parse("2026-11-20T12:00:00Z")));
    expect(days[0]?.label).toMatch(/^Today · /);
    expect(days[1]?.label).not.toMatch(/^(Today|Yesterday)/);
  });

  it("answers no groups for no events", () => {
    expect(groupByDay([])).toEqual([]);
  });
});
