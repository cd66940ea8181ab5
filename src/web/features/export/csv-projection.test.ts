import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvByteOrderMark, csvColumns, csvHeader, csvLine, type CsvValue } from "../../../contract/csv";
import { csvProjection } from "./csv-projection";

const text = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({
    unit: fc.constantFrom(
      '"',
      '""',
      ",",
      "\r",
      "\n",
      "\r\n",
      "=",
      "+",
      "-",
      "@",
      "\t",
      "'",
      " ",
      "a",
      "é",
      "😀",
    ),
  }),
);
const cell: fc.Arbitrary<CsvValue> = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null));
const row = fc.array(cell, { minLength: csvColumns.length, maxLength: csvColumns.length });
const file = fc.tuple(fc.boolean(), fc.array(row, { maxLength: 12 })).map(([bom, rows]) => ({
  bom,
  rows,
  text: (bom ? csvByteOrderMark : "") + csvHeader + rows.map(csvLine).join(""),
}));
/** Some of the columns, in any order. */
const chosen = fc.shuffledSubarray([...csvColumns], { minLength: 1 });
/** Cut points in a text of length n. */
const cuts = (n: number) => fc.uniqueArray(fc.integer({ min: 0, max: n }), { maxLength: 8 });

function project(columns: readonly string[], chunks: readonly string[]): string {
  const projection = csvProjection(columns);
  return chunks.map((chunk) => projection.push(chunk)).join("") + projection.end();
}

function split(text: string, at: readonly number[]): string[] {
  const points = [0, ...[...at].sort((a, b) => a - b), text.length];
  return points.slice(1).map((end, index) => text.slice(points[index], end));
}

describe("projecting a CSV onto some of its columns", () => {
  it("keeps every column: the same text", () => {
    fc.assert(
      fc.property(file, ({ text }) => {
        expect(project(csvColumns, [text])).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("writes the chosen columns, in the order chosen, as the writer would have", () => {
    fc.assert(
      fc.property(file, chosen, ({ bom, rows, text }, columns) => {
        const picks = columns.map((column) => csvColumns.indexOf(column));
        const expected =
          (bom ? csvByteOrderMark : "") +
          csvLine(columns) +
          rows.map((values) => csvLine(picks.map((index) => values[index]))).join("");
        expect(project(columns, [text])).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same output wherever the chunks split the text", () => {
    fc.assert(
      fc.property(
        file.chain((f) => fc.tuple(fc.constant(f), cuts(f.text.length))),
        chosen,
        ([{ text }, at], columns) => {
          expect(project(columns, split(text, at))).toBe(project(columns, [text]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("cells with commas, quotes, line breaks and formula starts read back whole and still guarded", () => {
    const values: Partial<Record<string, string>> = {
      description: 'say "hi", then\r\nleave',
      user: '=HYPERLINK("x")',
      endpoint: "+1",
      tags: "a,b\nc",
    };
    const source = csvHeader + csvLine(csvColumns.map((column) => values[column] ?? "plain"));
    const records: string[][] = parse(project(["tags", "description", "user", "endpoint"], [source]));
    const [header, record] = records;
    expect(header).toEqual(["tags", "description", "user", "endpoint"]);
    expect(record).toEqual(["a,b\nc", 'say "hi", then\r\nleave', '\'=HYPERLINK("x")', "'+1"]);
  });

  it("keeps a last record without a line ending, and names a column the header lacks", () => {
    expect(project(["b", "missing", "a"], ["a,b\n1,2\n3,4"])).toBe("b,missing,a\n2,,1\n4,,3");
  });
});
