import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  containerList,
  defaultPerPage,
  eventList,
  maxPerPage,
  maxQueryLength,
  parseListParams,
} from "./list-params";

const parse = (query: string) => parseListParams(new URLSearchParams(query), eventList);

function paramsOf(query: string) {
  const parsed = parse(query);
  if (!parsed.ok) throw new Error(`expected ${query} to parse: ${parsed.message}`);
  return parsed.value;
}

function failureOf(query: string) {
  const parsed = parse(query);
  if (parsed.ok) throw new Error(`expected ${query} to fail`);
  return { param: parsed.param, message: parsed.message };
}

describe("parseListParams defaults", () => {
  it("page 1, per_page 50, sort -timestamp, no filter, no echo", () => {
    expect(paramsOf("")).toEqual({
      page: 1,
      perPage: defaultPerPage,
      sort: [{ field: "timestamp", desc: true }],
      filter: {},
      q: undefined,
      rawSort: undefined,
    });
    expect(defaultPerPage).toBe(50);
  });

  it("containers sort by name by default", () => {
    const parsed = parseListParams(new URLSearchParams(""), containerList);
    expect(parsed.ok && parsed.value.sort).toEqual([{ field: "name", desc: false }]);
  });

  it("echoes q and sort exactly as given", () => {
    const value = paramsOf("q=description:a\\,b,severity:1&sort=-severity,id");
    expect(value.q).toBe("description:a\\,b,severity:1");
    expect(value.rawSort).toBe("-severity,id");
    expect(value.filter).toEqual({ description: ["a,b"], severity: [1] });
    expect(value.sort).toEqual([
      { field: "severity", desc: true },
      { field: "id", desc: false },
    ]);
  });
});

describe("page", () => {
  it("accepts whole numbers from 1", () => {
    expect(paramsOf("page=1").page).toBe(1);
    expect(paramsOf("page=2").page).toBe(2);
    expect(paramsOf("page=000012").page).toBe(12);
    expect(paramsOf(`page=${Number.MAX_SAFE_INTEGER}`).page).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("rejects anything else with param page", () => {
    for (const bad of ["0", "-1", "1.5", "abc", "1e2", "+1", " 1", "1 ", "0x10", "99999999999999999", "١"]) {
      expect(failureOf(`page=${encodeURIComponent(bad)}`), bad).toMatchObject({ param: "page" });
    }
  });

  it("any integer from 1 parses to itself; any below fails", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1_000_000 }), (n) => {
        const parsed = parse(`page=${n}`);
        expect(parsed.ok ? parsed.value.page : parsed.param).toBe(n >= 1 ? n : "page");
      }),
    );
  });
});

describe("per_page", () => {
  it("accepts 1 to 1000", () => {
    expect(paramsOf("per_page=1").perPage).toBe(1);
    expect(paramsOf("per_page=7").perPage).toBe(7);
    expect(paramsOf(`per_page=${maxPerPage}`).perPage).toBe(1000);
  });

  it("rejects out of range and non-integers with param per_page", () => {
    for (const bad of ["0", "1001", "-5", "10.0", "ten", "1e3", "100000000000000000000"]) {
      expect(failureOf(`per_page=${encodeURIComponent(bad)}`), bad).toMatchObject({ param: "per_page" });
    }
  });

  it("any integer parses exactly when it lies in 1..1000", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 5000 }), (n) => {
        const parsed = parse(`per_page=${n}`);
        expect(parsed.ok ? parsed.value.perPage : parsed.param).toBe(n >= 1 && n <= 1000 ? n : "per_page");
      }),
    );
  });
});

describe("sort and q", () => {
  it("a bad sort names sort", () => {
    expect(failureOf("sort=colour")).toMatchObject({ param: "sort" });
    expect(failureOf("sort=id,id")).toMatchObject({ param: "sort" });
    expect(failureOf("sort=id,")).toMatchObject({ param: "sort" });
  });

  it("a bad q names q and the message names the filter field", () => {
    const failure = failureOf("q=severity:high");
    expect(failure.param).toBe("q");
    expect(failure.message).toMatch(/severity/);
    expect(failureOf("q=from:2026-11-18T00:00:00Z")).toMatchObject({ param: "q" });
    expect(failureOf("q=description:a\\b")).toMatchObject({ param: "q" });
    expect(failureOf("q=type:1,")).toMatchObject({ param: "q" });
  });

  it("q longer than the limit fails", () => {
    const long = `description:${"x".repeat(maxQueryLength)}`;
    expect(failureOf(`q=${long}`)).toMatchObject({ param: "q" });
  });

  it("containers take their own filter and sort fields", () => {
    const ok = parseListParams(new URLSearchParams("q=name:v,blocked:false&sort=-expires_at"), containerList);
    expect(ok.ok && ok.value.filter).toEqual({ name: ["v"], blocked: [false] });
    const bad = parseListParams(new URLSearchParams("sort=timestamp"), containerList);
    expect(bad.ok ? undefined : bad.param).toBe("sort");
    const badQ = parseListParams(new URLSearchParams("q=type:1"), containerList);
    expect(badQ.ok ? undefined : badQ.param).toBe("q");
  });
});

describe("repeated parameters", () => {
  for (const [name, value] of [
    ["page", "1"],
    ["per_page", "10"],
    ["sort", "id"],
    ["q", "type:1"],
  ] as const) {
    it(`${name} given twice fails naming ${name}`, () => {
      const failure = failureOf(`${name}=${value}&${name}=${value}`);
      expect(failure.param).toBe(name);
      expect(failure.message).toMatch(name);
    });
  }

  it("a repeated parameter fails even when each value alone is fine", () => {
    expect(failureOf("page=1&per_page=5&q=type:1&q=type:2")).toMatchObject({ param: "q" });
  });
});
