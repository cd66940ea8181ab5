import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containerFilterFields, eventFilterFieldNames, eventFilterFields } from "./filter-fields";
import { parseFilter } from "./parse-filter";
import { formatQuery } from "./query-grammar";

const dayMs = 24 * 60 * 60 * 1000;

function filterOf(q: string) {
  const parsed = parseFilter(q, eventFilterFields);
  if (!parsed.ok) throw new Error(`expected ${JSON.stringify(q)} to parse: ${parsed.message}`);
  return parsed.value;
}

function errorOf(q: string): string {
  const parsed = parseFilter(q, eventFilterFields);
  if (parsed.ok)
    throw new Error(`expected ${JSON.stringify(q)} to fail, got ${JSON.stringify(parsed.value)}`);
  return parsed.message;
}

/** Good values for each field (with the parsed result) and bad ones; `from`/`until` are paired below. */
const cases: Record<string, { good: [string, unknown][]; bad: string[] }> = {
  type: {
    good: [
      ["0", 0],
      ["6", 6],
      ["103", 103],
      ["999999999", 999999999],
    ],
    bad: ["x", "-1", "1.5", "1e3", " 1", "1 ", "0x1", "1234567890", "ACCESS"],
  },
  source: {
    good: [
      ["0", 0],
      ["2", 2],
    ],
    bad: ["Network", "-2", "two"],
  },
  severity: {
    good: [
      ["0", 0],
      ["1", 1],
      ["2", 2],
    ],
    bad: ["Warn", "1;2", "+1", "1,2"],
  },
  alert: {
    good: [
      ["true", true],
      ["false", false],
    ],
    bad: ["TRUE", "yes", "1", "0", "False", " true"],
  },
  status: {
    good: [
      ["SUCCESS", "SUCCESS"],
      ["FAILURE", "FAILURE"],
    ],
    bad: ["success", "Failure", "FAILED", "OK"],
  },
  description: {
    good: [
      ["login", "login"],
      [" spaced out ", " spaced out "],
      ["a:b", "a:b"],
      ["x".repeat(200), "x".repeat(200)],
    ],
    bad: ["x".repeat(201)],
  },
  organisation: { good: [["Acme", "Acme"]], bad: ["o".repeat(201)] },
  user: { good: [["admin@acme.test", "admin@acme.test"]], bad: ["u".repeat(201)] },
  endpoint: { good: [["gateway-7", "gateway-7"]], bad: ["e".repeat(201)] },
  tags: { good: [["prod", "prod"]], bad: ["t".repeat(201)] },
  container: { good: [["c-0001", "c-0001"]], bad: ["c".repeat(201)] },
  ip_address: {
    good: [
      ["10.0.0.1", "10.0.0.1"],
      ["255.255.255.255", "255.255.255.255"],
      ["::1", "::1"],
      ["2001:db8::1", "2001:db8::1"],
      ["fe80::1:2:3:4", "fe80::1:2:3:4"],
    ],
    bad: ["256.1.1.1", "10.0.0", "10.0.0.1.5", "localhost", "2001:db8:::1", "10.0.0.1/24", "1.2.3.4 "],
  },
  reason: {
    good: [
      ["wrong_password", "wrong_password"],
      ["geo_blocked", "geo_blocked"],
      ["x".repeat(64), "x".repeat(64)],
      ["e2ee_key_missing", "e2ee_key_missing"],
    ],
    bad: ["Wrong_Password", "link-expired", "x".repeat(65), "wrong password", "lien_expiré", "a;b"],
  },
  client_ip: {
    good: [
      ["203.0.113.7", "203.0.113.7"],
      ["2001:DB8::17", "2001:DB8::17"],
    ],
    bad: ["203.0.113.256", "example.com", "203.0.113.7:443", "2001:db8:::1"],
  },
  imei: {
    good: [
      ["356938035643809", "356938035643809"],
      ["0", "0"],
    ],
    bad: ["35693803564380a", "-1", "1 2", "١٢٣"],
  },
  iccid: { good: [["8944500102198304826", "8944500102198304826"]], bad: ["89445001021983048x", "+89"] },
  imsi: { good: [["310150123456789", "310150123456789"]], bad: ["3101501234.5", "imsi"] },
  timestamp: {
    good: [
      ["2026-11-18", { from: Date.UTC(2026, 10, 18), until: Date.UTC(2026, 10, 19) - 1 }],
      ["2026-11-18T12:34:56Z", { from: Date.UTC(2026, 10, 18), until: Date.UTC(2026, 10, 19) - 1 }],
      ["2026-11-18T00:00:00Z", { from: Date.UTC(2026, 10, 18), until: Date.UTC(2026, 10, 19) - 1 }],
      ["2026-11-18T23:59:59.999Z", { from: Date.UTC(2026, 10, 18), until: Date.UTC(2026, 10, 19) - 1 }],
      // 23:30 at UTC-2 is 01:30 UTC the next day: the UTC day is what counts.
      ["2026-11-18T23:30:00-02:00", { from: Date.UTC(2026, 10, 19), until: Date.UTC(2026, 10, 20) - 1 }],
      ["2024-02-29", { from: Date.UTC(2024, 1, 29), until: Date.UTC(2024, 2, 1) - 1 }],
    ],
    bad: ["2026-02-30", "2026-13-01", "18/11/2026", "2026-11-18T12:00:00", "today", "2026-11-1"],
  },
};

describe("parseFilter: every event filter field", () => {
  it("has cases for every field but the from/until pair", () => {
    expect(Object.keys(cases).sort()).toEqual(
      eventFilterFieldNames.filter((f) => f !== "from" && f !== "until").sort(),
    );
  });

  for (const [field, { good, bad }] of Object.entries(cases)) {
    it(`${field}: good values parse`, () => {
      for (const [value, expected] of good) {
        expect(filterOf(`${field}:${value}`), value).toEqual({ [field]: [expected] });
      }
    });

    it(`${field}: bad values fail with a message naming the field`, () => {
      for (const value of bad) {
        expect(errorOf(formatQuery([{ field, value }])), value).toMatch(new RegExp(`\\b${field}\\b`));
      }
    });
  }

  it("an unknown field fails naming it", () => {
    expect(errorOf("colour:red")).toMatch(/colour/);
    expect(errorOf("type:1,name:x")).toMatch(/"name"/);
    expect(errorOf("constructor:x")).toMatch(/constructor/);
    expect(errorOf("__proto__:x")).toMatch(/__proto__/);
  });

  it("the first bad term is the one reported", () => {
    expect(errorOf("type:1,severity:x,alert:maybe")).toMatch(/severity/);
  });
});

describe("parseFilter: from and until", () => {
  const a = "2026-11-18T00:00:00Z";
  const b = "2026-11-19T12:30:00Z";

  it("parse together, inclusive instants", () => {
    expect(filterOf(`from:${a},until:${b}`)).toEqual({
      from: [Date.parse(a)],
      until: [Date.parse(b)],
    });
    expect(filterOf(`until:${b},from:${a}`)).toEqual({ from: [Date.parse(a)], until: [Date.parse(b)] });
  });

  it("allow from equal to until", () => {
    expect(filterOf(`from:${a},until:${a}`)).toEqual({ from: [Date.parse(a)], until: [Date.parse(a)] });
  });

  it("must come together", () => {
    expect(errorOf(`from:${a}`)).toMatch(/from/);
    expect(errorOf(`until:${b}`)).toMatch(/until/);
    expect(errorOf(`until:${b},type:1`)).toMatch(/from and until/);
  });

  it("may each be given only once", () => {
    expect(errorOf(`from:${a},from:${a},until:${b}`)).toMatch(/once/);
    expect(errorOf(`from:${a},until:${b},until:${b}`)).toMatch(/once/);
  });

  it("from must not be after until", () => {
    expect(errorOf(`from:${b},until:${a}`)).toMatch(/from must not be after until/);
  });

  it("take date-times only, naming the field", () => {
    expect(errorOf(`from:2026-11-18,until:${b}`)).toMatch(/\bfrom\b/);
    expect(errorOf(`from:${a},until:yesterday`)).toMatch(/\buntil\b/);
    expect(errorOf(`from:${a},until:2026-11-19T12:30:00`)).toMatch(/\buntil\b/);
  });

  it("read offsets as the instant they name", () => {
    expect(filterOf(`from:2026-11-18T12:00:00+01:00,until:${b}`).from).toEqual([Date.UTC(2026, 10, 18, 11)]);
  });

  it("any two instants in order parse, out of order fail", () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) });
    fc.assert(
      fc.property(instant, instant, (x, y) => {
        const q = `from:${new Date(x).toISOString()},until:${new Date(y).toISOString()}`;
        const parsed = parseFilter(q, eventFilterFields);
        expect(parsed.ok).toBe(x <= y);
      }),
    );
  });
});

describe("parseFilter: combining", () => {
  it("groups the same field's values for OR, in order", () => {
    expect(filterOf("severity:1,severity:2")).toEqual({ severity: [1, 2] });
    expect(filterOf("type:6,severity:2,type:7,type:100")).toEqual({ type: [6, 7, 100], severity: [2] });
    expect(filterOf("timestamp:2026-11-18,timestamp:2026-11-20")).toEqual({
      timestamp: [
        { from: Date.UTC(2026, 10, 18), until: Date.UTC(2026, 10, 18) + dayMs - 1 },
        { from: Date.UTC(2026, 10, 20), until: Date.UTC(2026, 10, 20) + dayMs - 1 },
      ],
    });
  });

  it("keeps different fields apart for AND", () => {
    expect(filterOf("alert:true,status:FAILURE,description:door\\, left")).toEqual({
      alert: [true],
      status: ["FAILURE"],
      description: ["door, left"],
    });
  });

  it("passes grammar errors through", () => {
    expect(errorOf("description:a\\b")).toMatch(/backslash/);
    expect(errorOf("type:")).toMatch(/type/);
  });
});

describe("parseFilter: container fields", () => {
  it("reads name and blocked, rejects event fields", () => {
    expect(parseFilter("name:vault,blocked:true", containerFilterFields)).toEqual({
      ok: true,
      value: { name: ["vault"], blocked: [true] },
    });
    const bad = parseFilter("blocked:yes", containerFilterFields);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/blocked/);
    const unknown = parseFilter("type:1", containerFilterFields);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.message).toMatch(/type/);
  });
});
