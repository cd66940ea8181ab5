import fc from "fast-check";
import { eventFilterFieldNames } from "../../contract/filter-fields";
import { formatQuery } from "../../contract/query-grammar";
import { eventSortFields } from "../../contract/sort-fields";

/** Generators for the fuzz tests: hostile text, and query strings that are mostly well-formed. */

export const rawPercent = fc.constantFrom(
  "%",
  "%%",
  "%zz",
  "%2",
  "%FF",
  "%00",
  "%C0%80",
  "%E0%A4%A",
  "%ED%A0%80",
  "%F4%90%80%80",
);
export const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 3,
    arbitrary: fc.string({
      unit: fc.constantFrom(
        "%",
        ":",
        ",",
        "\\",
        "-",
        "_",
        " ",
        "\0",
        "\t",
        "\n",
        "a",
        "1",
        "é",
        "😀",
        "'",
        '"',
      ),
      maxLength: 24,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "",
      "0",
      "1",
      "-1",
      "7",
      "1000",
      "1001",
      "9007199254740991",
      "9007199254740993",
      "1e3",
      "NaN",
      "true",
      "null",
      "[]",
      "undefined",
    ),
  },
);
const huge = fc
  .tuple(
    fc.string({ unit: fc.constantFrom("a", "1", ":", ","), minLength: 1, maxLength: 8 }),
    fc.integer({ min: 500, max: 4100 }),
  )
  .map(([chunk, length]) => chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length));

/** Present in about one request in `n`. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, n: number) =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{1,${max}}$`));
const anyText = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
  fc.constantFrom("acme", "%", "_", "'", '"', "\\", ",", " a ", "\0", "truck", "c-0001", "store,cologne"),
);
const day = fc.date({
  min: new Date("2026-01-01T00:00:00Z"),
  max: new Date("2027-01-01T00:00:00Z"),
  noInvalidDate: true,
});
/** Values each field accepts, so most generated filters pass validation and reach the store. */
const validValue: Record<string, fc.Arbitrary<string>> = {
  type: fc.nat({ max: 120 }).map(String),
  source: fc.nat({ max: 3 }).map(String),
  severity: fc.nat({ max: 3 }).map(String),
  alert: fc.constantFrom("true", "false"),
  status: fc.constantFrom("SUCCESS", "FAILURE"),
  description: anyText,
  organisation: anyText,
  user: anyText,
  endpoint: anyText,
  tags: anyText,
  container: anyText,
  ip_address: fc.oneof(fc.ipV4(), fc.ipV6()),
  reason: fc.oneof(
    fc.constantFrom("wrong_password", "link_expired", "container_blocked", "geo_blocked"),
    fc.stringMatching(/^[a-z0-9_]{1,64}$/),
  ),
  client_ip: fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom("203.0.113.7", "2001:DB8:AC::20")),
  imei: digits(20),
  iccid: digits(22),
  imsi: digits(16),
  timestamp: day.map((d) => (d.getUTCSeconds() % 2 ? d.toISOString().slice(0, 10) : d.toISOString())),
};
const validTerm = fc
  .constantFrom(...Object.keys(validValue))
  .chain((field) => (validValue[field] as fc.Arbitrary<string>).map((value) => ({ field, value })));
const range = fc.tuple(day, day).map(([a, b]) => {
  const [from, until] = a <= b ? [a, b] : [b, a];
  return [
    { field: "from", value: from.toISOString() },
    { field: "until", value: until.toISOString() },
  ];
});
const invalidTerm = fc.record({
  field: fc.constantFrom(...eventFilterFieldNames, "name", "blocked", "x", ""),
  value: text,
});
const structuredQ = fc
  .tuple(
    fc.array(fc.oneof({ weight: 6, arbitrary: validTerm }, { weight: 1, arbitrary: invalidTerm }), {
      minLength: 1,
      maxLength: 4,
    }),
    sometimes(range, 4),
  )
  .map(([terms, fromUntil]) => formatQuery([...terms, ...(fromUntil ?? [])]));
const structuredSort = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .shuffledSubarray([...eventSortFields], { minLength: 1, maxLength: 4 })
      .chain((fields) =>
        fc
          .array(fc.boolean(), { minLength: fields.length, maxLength: fields.length })
          .map((descs) => fields.map((field, i) => (descs[i] ? `-${field}` : field)).join(",")),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(fc.boolean(), fc.constantFrom(...eventSortFields, "name", "expires_at", "")), {
        maxLength: 5,
      })
      .map((terms) => terms.map(([desc, field]) => (desc ? `-${field}` : field)).join(",")),
  },
);

/** Mostly well-formed values, so many requests get past validation and into the store. */
const mostly = (good: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: text });
const known = {
  page: mostly(fc.integer({ min: 1, max: 60 }).map(String)),
  per_page: mostly(fc.integer({ min: 1, max: 1000 }).map(String)),
  sort: mostly(structuredSort),
  q: mostly(structuredQ),
};
const junkParam = fc.tuple(
  fc.constantFrom("bom", "x", "page[]", "Q", "", "page", "q", "sort", "per_page"),
  text,
);

export const queryString = fc
  .record({
    page: fc.option(known.page),
    per_page: fc.option(known.per_page),
    sort: fc.option(known.sort),
    q: fc.option(known.q),
    junk: fc.oneof(
      { weight: 6, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(fc.tuple(junkParam, fc.boolean()), { minLength: 1, maxLength: 2 }) },
    ),
    big: sometimes(fc.tuple(fc.constantFrom("q", "sort", "page", "per_page"), huge), 15),
    raw: sometimes(fc.tuple(fc.constantFrom("q", "sort", "page", "per_page"), rawPercent), 15),
  })
  .map(({ junk, big, raw, ...params }) => {
    const parts = Object.entries(params)
      .filter((entry): entry is [string, string] => entry[1] !== null)
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
    for (const [[name, value], encode] of junk) {
      parts.push(
        encode
          ? `${encodeURIComponent(name)}=${encodeURIComponent(value)}`
          : `${name}=${encodeURI(value).replace(/[#&+]/g, encodeURIComponent)}`,
      );
    }
    if (big) parts.push(`${big[0]}=${encodeURIComponent(big[1])}`);
    if (raw) parts.push(`${raw[0]}=a${raw[1]}b`);
    return parts.join("&");
  });
