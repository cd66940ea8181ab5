import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeFilterValue, formatQuery, parseQuery, type FilterTerm } from "./query-grammar";

const field = fc.stringMatching(/^[a-z_]+$/);
/** Values rich in the characters the grammar cares about, plus arbitrary unicode. */
const value = fc.oneof(
  fc.string({ unit: "binary", minLength: 1 }),
  fc.string({ unit: fc.constantFrom(",", "\\", ":", " ", "a", "é", "字", "😀", "\n", "\0"), minLength: 1 }),
);
const terms = fc.array(fc.record({ field, value }), { minLength: 1, maxLength: 8 });

function valuesOf(q: string): FilterTerm[] {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(`expected ${JSON.stringify(q)} to parse: ${parsed.message}`);
  return parsed.value;
}

function errorOf(q: string): string {
  const parsed = parseQuery(q);
  if (parsed.ok)
    throw new Error(`expected ${JSON.stringify(q)} to fail, got ${JSON.stringify(parsed.value)}`);
  return parsed.message;
}

describe("parseQuery / formatQuery properties", () => {
  it("parse(format(terms)) gives back the terms for any fields and non-empty unicode values", () => {
    fc.assert(
      fc.property(terms, (t) => {
        expect(valuesOf(formatQuery(t))).toEqual(t);
      }),
      { numRuns: 2000 },
    );
  });

  it("format(parse(s)) === s for every string that parses", () => {
    const raw = fc.string({
      unit: fc.constantFrom("a", "b_:", ":", ",", ",c:", "\\", "\\,", "\\\\", " ", "é", "😀", "Z"),
      maxLength: 12,
    });
    let parsedCount = 0;
    fc.assert(
      fc.property(raw, (s) => {
        const parsed = parseQuery(s);
        if (!parsed.ok) return;
        parsedCount++;
        expect(formatQuery(parsed.value)).toBe(s);
      }),
      { numRuns: 5000 },
    );
    expect(parsedCount).toBeGreaterThan(100);
  });

  it("format(parse(s)) === s for well-formed strings built from escaped pieces", () => {
    const piece = fc.string({ unit: fc.constantFrom("\\,", "\\\\", ":", "v", " ", "ü"), minLength: 1 });
    const q = fc
      .array(fc.tuple(field, piece), { minLength: 1, maxLength: 5 })
      .map((pairs) => pairs.map(([f, v]) => `${f}:${v}`).join(","));
    fc.assert(
      fc.property(q, (s) => {
        expect(formatQuery(valuesOf(s))).toBe(s);
      }),
    );
  });

  it("escaping never leaves an unescaped comma or lone backslash", () => {
    fc.assert(
      fc.property(value, (v) => {
        const escaped = escapeFilterValue(v);
        expect(escaped.replace(/\\[\\,]/g, "")).not.toMatch(/[\\,]/);
      }),
    );
  });
});

describe("parseQuery examples", () => {
  it("reads single and multiple terms", () => {
    expect(valuesOf("severity:1")).toEqual([{ field: "severity", value: "1" }]);
    expect(valuesOf("severity:1,type:6")).toEqual([
      { field: "severity", value: "1" },
      { field: "type", value: "6" },
    ]);
  });

  it("unescapes \\, to a comma and \\\\ to a backslash", () => {
    expect(valuesOf("description:a\\,b")).toEqual([{ field: "description", value: "a,b" }]);
    expect(valuesOf("description:a\\\\b")).toEqual([{ field: "description", value: "a\\b" }]);
    expect(valuesOf("description:\\\\\\,")).toEqual([{ field: "description", value: "\\," }]);
    expect(valuesOf("description:a\\\\,type:1")).toEqual([
      { field: "description", value: "a\\" },
      { field: "type", value: "1" },
    ]);
  });

  it("formats commas and backslashes escaped", () => {
    expect(formatQuery([{ field: "description", value: "a,b" }])).toBe("description:a\\,b");
    expect(formatQuery([{ field: "description", value: "a\\b" }])).toBe("description:a\\\\b");
    expect(
      formatQuery([
        { field: "severity", value: "1" },
        { field: "severity", value: "2" },
      ]),
    ).toBe("severity:1,severity:2");
  });

  it("takes the value as everything after the first colon", () => {
    expect(valuesOf("description:a:b:c")).toEqual([{ field: "description", value: "a:b:c" }]);
    expect(valuesOf("ip_address:::1")).toEqual([{ field: "ip_address", value: "::1" }]);
    expect(valuesOf("from:2026-11-18T12:00:00Z")).toEqual([{ field: "from", value: "2026-11-18T12:00:00Z" }]);
  });

  it("keeps spaces and unicode as part of the value", () => {
    expect(valuesOf("description: a b ")).toEqual([{ field: "description", value: " a b " }]);
    expect(valuesOf("user:Zoë 😀")).toEqual([{ field: "user", value: "Zoë 😀" }]);
  });

  it("rejects a backslash before anything but a comma or backslash", () => {
    expect(errorOf("description:a\\b")).toMatch(/backslash/);
    expect(errorOf("description:a\\")).toMatch(/backslash/);
    expect(errorOf("description:\\:")).toMatch(/backslash/);
    expect(errorOf("description:\\n")).toMatch(/backslash/);
  });

  it("rejects empty terms", () => {
    for (const q of ["", ",", "type:1,", ",type:1", "type:1,,type:2"]) {
      expect(errorOf(q), q).toMatch(/empty/);
    }
  });

  it("rejects an empty value and names the field", () => {
    expect(errorOf("description:")).toMatch(/description/);
    expect(errorOf("type:1,severity:")).toMatch(/severity/);
  });

  it("rejects a term without a colon", () => {
    expect(errorOf("description")).toMatch(/description/);
    expect(errorOf("type:1,alert")).toMatch(/alert/);
  });

  it("rejects an empty or malformed field name", () => {
    expect(errorOf(":x")).toMatch(/field/);
    expect(errorOf("Type:1")).toMatch(/Type/);
    expect(errorOf("ty pe:1")).toMatch(/field/);
    expect(errorOf("a\\,b:1")).toMatch(/field/);
  });
});
