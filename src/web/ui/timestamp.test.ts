import { describe, expect, it } from "vitest";
import { formatLocal, formatUtc } from "./timestamp";

describe("timestamp formats", () => {
  it("writes the viewer's local time as YYYY-MM-DD HH:MM:SS", () => {
    const iso = "2026-11-18T12:00:05Z";
    const date = new Date(iso);
    const pad = (n: number) => String(n).padStart(2, "0");
    const expected = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
    expect(formatLocal(iso)).toBe(expected);
  });

  it("writes UTC for the tooltip", () => {
    expect(formatUtc("2026-11-18T12:00:05.250Z")).toBe("2026-11-18 12:00:05 UTC");
  });

  it("shows an unparseable value as given", () => {
    expect(formatLocal("soon")).toBe("soon");
    expect(formatUtc("soon")).toBe("soon");
  });
});
