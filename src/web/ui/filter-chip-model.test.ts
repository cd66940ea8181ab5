import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FilterTerm } from "../../contract/query-grammar";
import { chipsFromTerms, rejectedChipIndex, termsFromChips, type FilterChip } from "./filter-chip-model";

const field = fc.constantFrom("type", "severity", "user", "description", "from", "until", "ip_address");
const value = fc.string({ minLength: 1, maxLength: 12 });
const term = fc.record({ field, value });
/** In code-unit order: a total order, where localeCompare ties distinct values (it ignores control characters). */
const sortTerms = (terms: FilterTerm[]) =>
  terms
    .map((t) => [`${t.field}:${t.value}`, t] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, t]) => t);

describe("chipsFromTerms / termsFromChips", () => {
  it("pairs a single from and until into one range chip", () => {
    expect(
      chipsFromTerms([
        { field: "severity", value: "2" },
        { field: "from", value: "2026-11-01T00:00:00Z" },
        { field: "type", value: "6" },
        { field: "until", value: "2026-11-02T00:00:00Z" },
      ]),
    ).toEqual([
      { kind: "term", field: "severity", value: "2" },
      { kind: "range", from: "2026-11-01T00:00:00Z", until: "2026-11-02T00:00:00Z" },
      { kind: "term", field: "type", value: "6" },
    ]);
  });

  it("leaves an unpaired or repeated from/until as plain chips so the server's error can point at them", () => {
    expect(chipsFromTerms([{ field: "from", value: "x" }])).toEqual([
      { kind: "term", field: "from", value: "x" },
    ]);
    const twice = chipsFromTerms([
      { field: "from", value: "a" },
      { field: "from", value: "b" },
      { field: "until", value: "c" },
    ]);
    expect(twice.every((chip) => chip.kind === "term")).toBe(true);
  });

  it("keeps every term: chips back to terms is a permutation, exact when until follows from", () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 8 }), (terms) => {
        const back = termsFromChips(chipsFromTerms(terms));
        expect(sortTerms(back)).toEqual(sortTerms(terms));
        const withoutRange = terms.filter((t) => t.field !== "from" && t.field !== "until");
        expect(back.filter((t) => t.field !== "from" && t.field !== "until")).toEqual(withoutRange);
      }),
    );
  });

  it("round-trips chips (at most one range, no loose from/until)", () => {
    const termChip = fc.record({
      kind: fc.constant("term" as const),
      field: fc.constantFrom("type", "severity", "user", "description"),
      value,
    });
    const rangeChip = fc.record({ kind: fc.constant("range" as const), from: value, until: value });
    const chips = fc
      .tuple(fc.array(termChip, { maxLength: 6 }), fc.option(rangeChip, { nil: undefined }), fc.nat(6))
      .map(([terms, range, at]): FilterChip[] => {
        const list: FilterChip[] = [...terms];
        if (range) list.splice(Math.min(at, list.length), 0, range);
        return list;
      });
    fc.assert(
      fc.property(chips, (list) => {
        expect(chipsFromTerms(termsFromChips(list))).toEqual(list);
      }),
    );
  });
});

describe("rejectedChipIndex", () => {
  const chips: FilterChip[] = [
    { kind: "term", field: "type", value: "6" },
    { kind: "term", field: "severity", value: "high" },
    { kind: "range", from: "2026-11-02T00:00:00Z", until: "2026-11-01T00:00:00Z" },
    { kind: "term", field: "ip_address", value: "1.2.3" },
  ];

  it("finds the chip whose field the server's message names", () => {
    expect(rejectedChipIndex(chips, "q: severity must be a numeric id.")).toBe(1);
    expect(rejectedChipIndex(chips, "q: from must not be after until.")).toBe(2);
    expect(rejectedChipIndex(chips, "q: ip_address must be a valid IPv4 or IPv6 address.")).toBe(3);
  });

  it("does not match a field inside another word", () => {
    expect(rejectedChipIndex([{ kind: "term", field: "type", value: "x" }], "q: prototype is odd.")).toBe(-1);
  });

  it("prefers the field named first, so a list of valid fields does not win", () => {
    const withUnknown: FilterChip[] = [
      { kind: "term", field: "type", value: "6" },
      { kind: "term", field: "colour", value: "red" },
    ];
    const message = 'q: unknown filter field "colour"; filter fields are from, until, timestamp, type.';
    expect(rejectedChipIndex(withUnknown, message)).toBe(1);
  });
});
