import { isIP } from "node:net";
import { describe, expect, it } from "vitest";
import { demoWorld, noLoginHash } from "./demo-world";

const now = Date.UTC(2026, 10, 18, 12);
const world = demoWorld("HASH", now);

const luhnValid = (digits: string) => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
};

describe("demoWorld", () => {
  it("has the four organisations of the contract", () => {
    expect(world.organisations).toEqual([
      { id: 1, name: "Acme Group", parentId: null },
      { id: 2, name: "Acme Logistics", parentId: 1 },
      { id: 3, name: "Acme Retail", parentId: 1 },
      { id: 4, name: "Globex", parentId: null },
    ]);
  });

  it("lets only the three documented users sign in", () => {
    const logins = world.users.filter((u) => u.passwordHash === "HASH");
    expect(logins.map((u) => [u.id, u.username, u.organisationId, u.role])).toEqual([
      [1, "admin@acme.test", 1, "admin"],
      [2, "support@acme.test", 2, "support"],
      [3, "admin@globex.test", 4, "admin"],
    ]);
    const others = world.users.filter((u) => u.passwordHash !== "HASH");
    expect(others.length).toBeGreaterThanOrEqual(8);
    expect(others.every((u) => u.passwordHash === noLoginHash)).toBe(true);
    for (const org of [1, 2, 3, 4])
      expect(world.users.filter((u) => u.organisationId === org).length).toBeGreaterThanOrEqual(3);
    expect(new Set(world.users.map((u) => u.username.toLowerCase())).size).toBe(world.users.length);
  });

  it("uses the event type ids of CONTRACT.md", () => {
    expect(world.eventTypes.map((t) => t.id)).toEqual([
      0, 1, 2, 3, 5, 6, 7, 8, 9, 11, 12, 14, 18, 19, 31, 42, 43, 51, 100, 101, 102, 103,
    ]);
    expect(world.eventTypes.find((t) => t.id === 14)?.description).toBe("Multi-factor Authentication");
  });

  it("gives endpoints valid addresses and identifiers", () => {
    expect(world.endpoints.length).toBeGreaterThan(100);
    for (const e of world.endpoints) {
      expect(isIP(e.ipAddress), e.ipAddress).not.toBe(0);
      expect(e.imei).toMatch(/^[0-9]{15}$/);
      expect(luhnValid(e.imei), e.imei).toBe(true);
      expect(e.tags).toMatch(/^[a-z0-9-]+(,[a-z0-9-]+)*$/);
    }
    expect(world.endpoints.some((e) => isIP(e.ipAddress) === 6)).toBe(true);
    for (const s of world.sims) {
      expect(s.iccid).toMatch(/^89[0-9]{17,18}$/);
      expect(luhnValid(s.iccid)).toBe(true);
    }
    expect(new Set(world.sims.map((s) => s.iccid.length))).toEqual(new Set([19, 20]));
    for (const i of world.imsis) expect(i.imsi).toMatch(/^[0-9]{15}$/);
    for (const list of [world.endpoints, world.sims, world.imsis]) {
      expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    }
  });

  it("has at least four containers per organisation, some blocked, some expired", () => {
    for (const org of [1, 2, 3, 4]) {
      const mine = world.containers.filter((c) => c.organisationId === org);
      expect(mine.length).toBeGreaterThanOrEqual(4);
      expect(mine.some((c) => c.blocked)).toBe(true);
      expect(mine.some((c) => c.expiresAtMs !== null && c.expiresAtMs < now)).toBe(true);
      expect(mine.some((c) => c.expiresAtMs === null || c.expiresAtMs > now)).toBe(true);
    }
    for (const c of world.containers) {
      expect(c.id).toMatch(/^c-[0-9]{4}$/);
      expect(c.createdAtMs).toBeLessThan(now);
      if (c.expiresAtMs !== null) expect(c.expiresAtMs).toBeGreaterThan(c.createdAtMs);
    }
    expect(new Set(world.containers.map((c) => c.id)).size).toBe(world.containers.length);
  });

  it("is the same world every time", () => {
    expect(demoWorld("HASH", now)).toEqual(world);
  });
});
