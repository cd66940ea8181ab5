import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  csvByteOrderMark,
  csvCell,
  csvColumns,
  csvFileName,
  csvHeader,
  csvLine,
  eventCsvValues,
  type CsvValue,
} from "./csv";
import type { Event } from "./event";

const parseCsv = (text: string): string[][] => parse(text, { bom: true });

/** What a cell reads back as after a spreadsheet-safe export. */
function expectedCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
  return String(value);
}

const text = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({
    unit: fc.constantFrom('"', ",", "\r", "\n", "\r\n", "=", "+", "-", "@", "\t", "'", " ", "a", "é", "😀"),
  }),
);
const cell: fc.Arbitrary<CsvValue> = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const row = fc.array(cell, { minLength: csvColumns.length, maxLength: csvColumns.length });

describe("csv writer properties", () => {
  it("csv-parse reads back every cell, neutralised and typed as documented", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const parsed = parseCsv(csvHeader + rows.map(csvLine).join(""));
        expect(parsed[0]).toEqual([...csvColumns]);
        expect(parsed.slice(1)).toEqual(rows.map((r) => r.map(expectedCell)));
      }),
      { numRuns: 500 },
    );
  });

  it("a file with the byte order mark reads the same", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 3 }), (rows) => {
        const parsed = parseCsv(csvByteOrderMark + csvHeader + rows.map(csvLine).join(""));
        expect(parsed.slice(1)).toEqual(rows.map((r) => r.map(expectedCell)));
      }),
    );
  });

  it("no cell a spreadsheet reads starts with a formula character", () => {
    fc.assert(
      fc.property(text, (value) => {
        const [read] = parseCsv(csvLine([value, "x"]));
        expect(read?.[0]).not.toMatch(/^[=+\-@\t\r\n]/);
      }),
    );
  });

  it("every line ends with CRLF and cells quote exactly when needed", () => {
    fc.assert(
      fc.property(text, (value) => {
        const out = csvCell(value);
        expect(csvLine([value]).endsWith("\r\n")).toBe(true);
        expect(out.startsWith('"')).toBe(/[",\r\n]/.test(expectedCell(value)));
      }),
    );
  });
});

describe("csv writer examples", () => {
  it("neutralises formulas", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("+cmd")).toBe("'+cmd");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\rx")).toBe('"\'\rx"');
    expect(csvCell("\nx")).toBe('"\'\nx"');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it("leaves harmless text, numbers and booleans alone", () => {
    expect(csvCell("a=1")).toBe("a=1");
    expect(csvCell("'quoted")).toBe("'quoted");
    expect(csvCell(" =1")).toBe(" =1");
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("")).toBe("");
  });

  it("quotes quotes, commas, newlines and CRLF", () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell("line1\r\nline2")).toBe('"line1\r\nline2"');
    expect(parseCsv(csvLine(['say "hi"', "a,b", "x\r\ny", null, true, 3]))).toEqual([
      ['say "hi"', "a,b", "x\r\ny", "", "true", "3"],
    ]);
  });

  it("the header row is the documented columns", () => {
    expect(csvHeader).toBe(
      "id,timestamp,event_type,event_source,event_severity,alert,status,description,organisation,user,endpoint,tags,ip_address,imei,iccid,imsi,container,reason,client_ip\r\n",
    );
  });

  it("an event's cells follow the columns", () => {
    const event: Event = {
      id: 7,
      timestamp: "2026-11-18T12:00:00Z",
      alert: true,
      description: "=cmd",
      status: "FAILURE",
      event_type: { id: 100, description: "ACCESS" },
      event_source: { id: 2, description: "API" },
      event_severity: { id: 1, description: "Warn" },
      organisation: { id: 2, name: "Acme Logistics" },
      user: { id: 3, username: "support@acme.test", name: "Sam" },
      endpoint: { id: 9, name: "gw", tags: "prod", ip_address: "10.0.0.1", imei: "356938035643809" },
      sim: { id: 4, iccid: "8944500102198304826" },
      imsi: { id: 5, imsi: "310150123456789" },
      container: { id: "c-0001", name: "Vault" },
      reason: "wrong_password",
      client_ip: "2001:db8::7",
    };
    const record = Object.fromEntries(csvColumns.map((c, i) => [c, eventCsvValues(event)[i]]));
    expect(record).toEqual({
      id: 7,
      timestamp: "2026-11-18T12:00:00Z",
      event_type: "ACCESS",
      event_source: "API",
      event_severity: "Warn",
      alert: true,
      status: "FAILURE",
      description: "=cmd",
      organisation: "Acme Logistics",
      user: "support@acme.test",
      endpoint: "gw",
      tags: "prod",
      ip_address: "10.0.0.1",
      imei: "356938035643809",
      iccid: "8944500102198304826",
      imsi: "310150123456789",
      container: "c-0001",
      reason: "wrong_password",
      client_ip: "2001:db8::7",
    });
    const bare = eventCsvValues({
      ...event,
      user: null,
      endpoint: null,
      sim: null,
      imsi: null,
      container: null,
      reason: null,
      client_ip: null,
    });
    expect(parseCsv(csvLine(bare))[0]?.slice(9)).toEqual(["", "", "", "", "", "", "", "", "", ""]);
  });

  it("file names are safe slugs", () => {
    expect(csvFileName(["Acme Group", "by_fail", undefined, ""])).toBe("eventdesk-acme-group-by_fail.csv");
    expect(csvFileName(['../"evil"\r\n', 1])).toMatch(/^eventdesk-[a-z0-9._-]+\.csv$/);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: "binary" }), fc.integer())), (parts) => {
        expect(csvFileName(parts)).toMatch(/^eventdesk-[a-z0-9._-]*\.csv$/);
      }),
    );
  });
});
