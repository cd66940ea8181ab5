import { describe, expect, it } from "vitest";
import { jwtExpiresAt } from "./jwt-expiry";

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = (claims: unknown) => `${encode({ alg: "HS256", typ: "JWT" })}.${encode(claims)}.signature`;

describe("jwtExpiresAt", () => {
  it("reads exp as epoch milliseconds", () => {
    expect(jwtExpiresAt(jwt({ sub: "7", exp: 1_900_000_000 }))).toBe(1_900_000_000_000);
  });

  it("decodes base64url payloads that need padding and use - and _", () => {
    const claims = { exp: 1_800_000_123, name: "ü?>~~~" };
    expect(encode(claims)).toMatch(/[-_]/);
    expect(jwtExpiresAt(jwt(claims))).toBe(1_800_000_123_000);
  });

  it("is undefined for tokens it cannot read", () => {
    expect(jwtExpiresAt("not-a-jwt")).toBeUndefined();
    expect(jwtExpiresAt("a.%%%.c")).toBeUndefined();
    expect(jwtExpiresAt(jwt({ sub: "7" }))).toBeUndefined();
    expect(jwtExpiresAt(jwt({ exp: "soon" }))).toBeUndefined();
  });
});
