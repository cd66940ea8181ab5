import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containerList, eventList } from "../../contract/list-params";
import { eventSortFields } from "../../contract/sort-fields";
import { readListSearch, toListRequest, writeListSearch, type ListSearch } from "./list-search";

const read = (query: string) => readListSearch(new URLSearchParams(query), eventList);
const defaultSort = [{ field: "timestamp", desc: true }];

describe("readListSearch", () => {
  it("gives the defaults for an empty URL", () => {
    expect(read("")).toEqual({ page: 1, perPage: 50, sort: defaultSort, filters: [] });
  });

  it("reads the API's own sort and q syntax", () => {
    expect(read("page=3&per_page=250&sort=severity,-id&q=type:6,description:a\\,b")).toEqual({
      page: 3,
      perPage: 250,
      sort: [
        { field: "severity", desc: false },
        { field: "id", desc: true },
      ],
      filters: [
        { field: "type", value: "6" },
        { field: "description", value: "a,b" },
      ],
    });
  });

  it("drops each malformed value on its own and keeps the rest", () => {
    expect(read("page=0&per_page=50")).toMatchObject({ page: 1 });
    expect(read("page=abc&per_page=1001")).toMatchObject({ page: 1, perPage: 50 });
    expect(read("page=2&sort=colour")).toMatchObject({ page: 2, sort: defaultSort });
    expect(read("sort=type,type")).toMatchObject({ sort: defaultSort });
    expect(read("q=type:6,bad\\x&sort=type")).toMatchObject({
      filters: [],
      sort: [{ field: "type", desc: false }],
    });
    expect(read("q=nocolon")).toMatchObject({ filters: [] });
  });

  it("uses the endpoint's own sort fields and default", () => {
    const containers = readListSearch(new URLSearchParams("sort=-expires_at"), containerList);
    expect(containers.sort).toEqual([{ field: "expires_at", desc: true }]);
    expect(readListSearch(new URLSearchParams("sort=timestamp"), containerList).sort).toEqual([
      { field: "name", desc: false },
    ]);
  });
});

describe("writeListSearch", () => {
  it("leaves defaults out of the URL and keeps unrelated parameters", () => {
    const params = writeListSearch(
      new URLSearchParams("event=42&page=4&sort=type"),
      { page: 1, perPage: 50, sort: defaultSort, filters: [] },
      eventList,
    );
    expect(params.toString()).toBe("event=42");
  });

  it("writes sort and q with the contract's format", () => {
    const params = writeListSearch(
      new URLSearchParams(),
      {
        page: 2,
        perPage: 100,
        sort: [{ field: "severity", desc: true }],
        filters: [{ field: "description", value: "a,b\\c" }],
      },
      eventList,
    );
    expect(Object.fromEntries(params)).toEqual({
      page: "2",
      per_page: "100",
      sort: "-severity",
      q: "description:a\\,b\\\\c",
    });
  });

  it("round-trips every valid list state through the URL", () => {
    const search = fc.record({
      page: fc.integer({ min: 1, max: 1_000_000 }),
      perPage: fc.integer({ min: 1, max: 1000 }),
      sort: fc.uniqueArray(fc.record({ field: fc.constantFrom(...eventSortFields), desc: fc.boolean() }), {
        selector: (term) => term.field,
        minLength: 1,
        maxLength: 4,
      }),
      filters: fc.array(
        fc.record({
          field: fc.stringMatching(/^[a-z_]{1,12}$/),
          value: fc.string({ minLength: 1, maxLength: 20 }),
        }),
        { maxLength: 5 },
      ),
    });
    fc.assert(
      fc.property(search, (state: ListSearch) => {
        const url = writeListSearch(new URLSearchParams(), state, eventList).toString();
        // Arbitrary field names and values are for the server to refuse, at their chips.
        const { problem, ...read } = readListSearch(new URLSearchParams(url), eventList);
        expect(read).toEqual(state);
        expect(problem).toBeUndefined();
      }),
    );
  });
});

describe("the problem of a link the contract refuses", () => {
  it.each([
    ["q=severity:1,garbage", "q", 'q: the filter "garbage" must be written field:value.'],
    ["q=garbage", "q", 'q: the filter "garbage" must be written field:value.'],
    ["q=user:", "q", "q: the filter user has an empty value."],
    ["q=description:a%5Cb", "q", "q: a backslash must be followed by a comma or another backslash."],
    [
      "sort=bogus",
      "sort",
      `sort: unknown sort field "bogus"; sortable fields are ${eventSortFields.join(", ")}.`,
    ],
    ["per_page=5000", "per_page", "per_page must be a whole number from 1 to 1000."],
    ["q=type:6&q=type:7", "q", "q may be given only once."],
  ])("%s is named as the contract names it", (query, param, message) => {
    expect(readListSearch(new URLSearchParams(query), eventList).problem).toEqual({ param, message });
  });

  it("is absent from a link the contract takes, and from chips whose value only the server can refuse", () => {
    for (const query of ["q=severity:1&sort=-id&per_page=10", "q=severity:abc", "q=colour:red"]) {
      expect(readListSearch(new URLSearchParams(query), eventList).problem).toBeUndefined();
    }
  });
});

describe("toListRequest", () => {
  it("leaves the default sort to the server so equal views share a cache key", () => {
    expect(toListRequest(read("sort=-timestamp"), eventList)).toEqual(toListRequest(read(""), eventList));
    expect(toListRequest(read("sort=-timestamp"), eventList).sort).toBeUndefined();
    expect(toListRequest(read("sort=timestamp&q=type:6"), eventList)).toEqual({
      page: 1,
      perPage: 50,
      sort: "timestamp",
      q: "type:6",
    });
  });
});
