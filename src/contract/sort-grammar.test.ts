import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containerSortFields, defaultContainerSort, defaultEventSort, eventSortFields } from "./sort-fields";
import { formatSort, parseSort } from "./sort-grammar";

const termsOf = <F extends string>(fields: readonly F[]) =>
  fc
    .shuffledSubarray([...fields], { minLength: 1 })
    .chain((picked) =>
      fc
        .array(fc.boolean(), { minLength: picked.length, maxLength: picked.length })
        .map((descs) => picked.map((field, i) => ({ field, desc: descs[i] === true }))),
    );

function errorOf(sort: string): string {
  const parsed = parseSort(sort, eventSortFields);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(sort)} to fail`);
  return parsed.message;
}

describe("parseSort / formatSort properties", () => {
  it("any subset of the event fields, in any order and directions, round trips exactly", () => {
    fc.assert(
      fc.property(termsOf(eventSortFields), (terms) => {
        const text = formatSort(terms);
        expect(parseSort(text, eventSortFields)).toEqual({ ok: true, value: terms });
        expect(text.split(",")).toHaveLength(terms.length);
      }),
      { numRuns: 1000 },
    );
  });

  it("any subset of the container fields round trips exactly", () => {
    fc.assert(
      fc.property(termsOf(containerSortFields), (terms) => {
        expect(parseSort(formatSort(terms), containerSortFields)).toEqual({ ok: true, value: terms });
      }),
    );
  });

  it("format(parse(s)) === s whenever s parses", () => {
    const token = fc.constantFrom(...eventSortFields, ...eventSortFields.map((f) => `-${f}`), "", "-", "x");
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 5 }), (tokens) => {
        const s = tokens.join(",");
        const parsed = parseSort(s, eventSortFields);
        if (parsed.ok) expect(formatSort(parsed.value)).toBe(s);
      }),
    );
  });

  it("a field named twice fails whatever its directions", () => {
    fc.assert(
      fc.property(termsOf(eventSortFields), fc.nat(), fc.boolean(), (terms, at, desc) => {
        const dup = terms[at % terms.length];
        if (!dup) return;
        const withDup = [...terms, { field: dup.field, desc }];
        const parsed = parseSort(formatSort(withDup), eventSortFields);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.message).toContain(dup.field);
      }),
    );
  });
});

describe("parseSort examples", () => {
  it("reads directions", () => {
    expect(parseSort("-timestamp,id", eventSortFields)).toEqual({
      ok: true,
      value: [
        { field: "timestamp", desc: true },
        { field: "id", desc: false },
      ],
    });
  });

  it("the defaults parse", () => {
    expect(parseSort(defaultEventSort, eventSortFields)).toEqual({
      ok: true,
      value: [{ field: "timestamp", desc: true }],
    });
    expect(parseSort(defaultContainerSort, containerSortFields)).toEqual({
      ok: true,
      value: [{ field: "name", desc: false }],
    });
  });

  it("rejects unknown fields, naming them", () => {
    expect(errorOf("colour")).toMatch(/"colour"/);
    expect(errorOf("timestamp,-description")).toMatch(/"description"/);
    expect(errorOf("ID")).toMatch(/"ID"/);
    expect(errorOf(" id")).toMatch(/" id"/);
    expect(errorOf("--id")).toMatch(/"-id"/);
    expect(errorOf("+id")).toMatch(/"\+id"/);
    expect(errorOf("status")).toMatch(/"status"/);
    expect(errorOf("constructor")).toMatch(/constructor/);
    const containers = parseSort("timestamp", containerSortFields);
    expect(containers.ok).toBe(false);
  });

  it("rejects a repeated field", () => {
    expect(errorOf("id,id")).toMatch(/\bid\b.*twice/);
    expect(errorOf("id,-id")).toMatch(/twice/);
    expect(errorOf("-type,severity,type")).toMatch(/\btype\b/);
  });

  it("rejects empty segments", () => {
    for (const sort of ["", ",", "id,", ",id", "id,,type", "-", "id,-"]) {
      expect(errorOf(sort), sort).toMatch(/empty/);
    }
  });
});
