import { describe, expect, it } from "vitest";
import { z } from "zod";
import { containerEventTypeIds } from "../../contract/catalogue";
import type { EventRow } from "../store/event-row";
import { demoEvents } from "./demo-events";
import { demoWorld } from "./demo-world";

const now = Date.UTC(2026, 10, 18, 12);
const world = demoWorld("hash", now);
const count = 20_000;
const events = [...demoEvents(world, count, now)];
const dayMs = 86_400_000;

describe("demoEvents", () => {
  it("is deterministic: the same count and time give the same events", () => {
    expect([...demoEvents(world, count, now)]).toEqual(events);
    const later = now + 7 * dayMs;
    const other = [...demoEvents(world, count, later)];
    expect(other.map((e) => e.timestampMs - 7 * dayMs)).toEqual(events.map((e) => e.timestampMs));
    expect([...demoEvents(world, count + 1, now)].length).toBe(count + 1);
  });

  it("yields exactly `count` events, oldest first, within the 90 days before now", () => {
    expect(events).toHaveLength(count);
    for (let i = 1; i < events.length; i++) {
      expect((events[i] as EventRow).timestampMs).toBeGreaterThanOrEqual(
        (events[i - 1] as EventRow).timestampMs,
      );
    }
    expect(events[0]?.timestampMs).toBeGreaterThanOrEqual(now - 90 * dayMs);
    expect(events.at(-1)?.timestampMs).toBeLessThan(now);
    expect(events.every((e) => e.timestampMs % 1000 === 0)).toBe(true);
    expect([...demoEvents(world, 0, now)]).toEqual([]);
    expect([...demoEvents(world, 7, now)]).toHaveLength(7);
  });

  it("covers every source and severity, and every container type with both statuses, in every organisation", () => {
    for (const org of [1, 2, 3, 4]) {
      const mine = events.filter((e) => e.organisationId === org);
      for (const source of [0, 1, 2]) {
        for (const severity of [0, 1, 2]) {
          expect(
            mine.some((e) => e.sourceId === source && e.severityId === severity),
            `org ${org} ${source}/${severity}`,
          ).toBe(true);
        }
      }
      for (const type of Object.values(containerEventTypeIds)) {
        for (const status of ["SUCCESS", "FAILURE"]) {
          expect(
            mine.some((e) => e.typeId === type && e.status === status),
            `org ${org} ${type} ${status}`,
          ).toBe(true);
        }
      }
    }
    const small = [...demoEvents(world, 100, now)];
    for (const org of [1, 2, 3, 4]) {
      expect(
        new Set(
          small.filter((e) => e.organisationId === org && e.status).map((e) => `${e.typeId}${e.status}`),
        ).size,
      ).toBe(8);
    }
  });

  it("keeps container events and the rest apart, and every reference inside the event's organisation", () => {
    const orgOf = (list: { id: number | string; organisationId: number }[]) =>
      new Map(list.map((x) => [x.id, x.organisationId]));
    const endpoints = orgOf(world.endpoints);
    const users = orgOf(world.users);
    const containers = orgOf(world.containers);
    for (const e of events) {
      if (e.containerId !== null) {
        expect(e.typeId).toBeGreaterThanOrEqual(100);
        expect(e.status).not.toBeNull();
        expect(e.endpointId).toBeNull();
        expect(containers.get(e.containerId)).toBe(e.organisationId);
      } else {
        expect(e.typeId).toBeLessThan(100);
        expect(e.status).toBeNull();
      }
      if (e.endpointId !== null) {
        expect(endpoints.get(e.endpointId)).toBe(e.organisationId);
        expect(e.simId).toBe(e.endpointId);
      }
      if (e.userId !== null) expect(users.get(e.userId)).toBe(e.organisationId);
      if (e.severityId === 2) expect(e.alert).toBe(true);
    }
  });

  it("writes plain ASCII descriptions that substring search can tell apart", () => {
    expect(events.every((e) => /^[\x20-\x7e]+$/.test(e.description))).toBe(true);
    for (const token of ["denied", "login", "quota", "PDP", "expired"]) {
      const share = events.filter((e) => e.description.includes(token)).length / count;
      expect(share, token).toBeGreaterThan(0.002);
      expect(share, token).toBeLessThan(0.3);
    }
    expect(new Set(events.map((e) => e.description)).size).toBeGreaterThan(count / 4);
  });

  it("is busiest in weekday office hours", () => {
    const perHour = (pick: (d: Date) => boolean) => {
      const hours = new Set<number>();
      let n = 0;
      for (const e of events) {
        const d = new Date(e.timestampMs);
        if (pick(d)) {
          n++;
          hours.add(Math.floor(e.timestampMs / 3_600_000));
        }
      }
      return n / hours.size;
    };
    const weekday = (d: Date) => d.getUTCDay() >= 1 && d.getUTCDay() <= 5;
    const office = perHour((d) => weekday(d) && d.getUTCHours() >= 8 && d.getUTCHours() < 18);
    const night = perHour((d) => weekday(d) && (d.getUTCHours() < 6 || d.getUTCHours() >= 20));
    expect(office).toBeGreaterThan(2.5 * night);
  });

  it("clusters failed access on a few containers, in bursts", () => {
    const failures = events.filter(
      (e) => e.typeId === containerEventTypeIds.ACCESS && e.status === "FAILURE",
    );
    const byContainer = new Map<string, number>();
    for (const e of failures)
      byContainer.set(e.containerId ?? "", (byContainer.get(e.containerId ?? "") ?? 0) + 1);
    const top = [...byContainer.values()]
      .sort((a, b) => b - a)
      .slice(0, 5)
      .reduce((a, b) => a + b, 0);
    expect(top / failures.length).toBeGreaterThan(0.5);
    const perHour = new Map<number, number>();
    for (const e of failures) {
      const hour = Math.floor(e.timestampMs / 3_600_000);
      perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
    }
    expect(Math.max(...perHour.values())).toBeGreaterThan(20);
  });

  it("gives every failed container event a reason and an address, a few addresses behind most, and no other event either", () => {
    const failures = events.filter((e) => e.containerId !== null && e.status === "FAILURE");
    for (const e of events) {
      const failed = e.containerId !== null && e.status === "FAILURE";
      expect(e.reason !== null, `event at ${String(e.timestampMs)}`).toBe(failed);
      expect(e.clientIp !== null, `event at ${String(e.timestampMs)}`).toBe(failed);
    }
    for (const e of failures) {
      expect(e.reason).toMatch(/^[a-z0-9_]{1,64}$/);
      expect(z.union([z.ipv4(), z.ipv6()]).safeParse(e.clientIp).success, e.clientIp ?? "").toBe(true);
    }
    const tally = (key: (e: EventRow) => string | null) => {
      const counts = new Map<string | null, number>();
      for (const e of failures) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1]);
    };
    const byAddress = tally((e) => e.clientIp);
    const topThree = byAddress.slice(0, 3).reduce((sum, [, n]) => sum + n, 0);
    expect(topThree / failures.length).toBeGreaterThan(0.5);
    const reasons = new Set(failures.map((e) => e.reason));
    for (const reason of ["wrong_password", "link_expired", "container_blocked", "container_expired"])
      expect(reasons.has(reason), reason).toBe(true);
    // One address carries a burst of wrong passwords; one carries most of the expired links.
    const [noisy] = tally((e) => (e.reason === "wrong_password" ? e.clientIp : null)).filter(([ip]) => ip);
    expect(noisy?.[1]).toBeGreaterThan(failures.filter((e) => e.reason === "wrong_password").length / 3);
    const [stale] = tally((e) => (e.reason === "link_expired" ? e.clientIp : null)).filter(([ip]) => ip);
    expect(stale?.[1]).toBeGreaterThan(failures.filter((e) => e.reason === "link_expired").length / 2);
    // Blocked containers are still tried: their failures say so.
    const blocked = new Set(world.containers.filter((c) => c.blocked).map((c) => c.id));
    for (const e of failures.filter((f) => f.typeId === containerEventTypeIds.ACCESS))
      expect(blocked.has(e.containerId ?? "")).toBe(e.reason === "container_blocked");
  });
});
