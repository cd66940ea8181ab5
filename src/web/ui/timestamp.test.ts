import { afterEach, describe, expect, it, vi } from "vitest";
import { formatLocal, formatUtc } from "./timestamp";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("timestamp formats", () => {
  it("writes the viewer's local time as YYYY-MM-DD HH:MM:SS", () => {
    const iso = "2026-11-18T12:00:05Z";
    const date = new Date(iso);
    const pad = (n: number) => String(n).padStart(2, "0");
    const expected = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
    expect(formatLocal(iso)).toBe(expected);
  });

  it("writes the wall clock of the viewer's zone, whatever the locale", async () => {
    vi.stubEnv("TZ", "Asia/Kathmandu");
    vi.resetModules();
    const { formatLocal } = await import("./timestamp");
    expect(formatLocal("2026-11-18T12:00:05Z")).toBe("2026-11-18 17:45:05");
    expect(formatLocal("2026-12-31T23:59:59Z")).toBe("2027-01-01 05:44:59");
  });

  it("writes UTC's wall clock when the viewer chose UTC, whatever their zone", async () => {
    vi.stubEnv("TZ", "Asia/Kathmandu");
    vi.resetModules();
    const { formatLocal } = await import("./timestamp");
    expect(formatLocal("2026-12-31T23:59:59Z", "utc")).toBe("2026-12-31 23:59:59");
    expect(formatLocal("2026-12-31T23:59:59Z", "local")).toBe("2027-01-01 05:44:59");
  });

  it("writes UTC for the tooltip", () => {
    expect(formatUtc("2026-11-18T12:00:05.250Z")).toBe("2026-11-18 12:00:05 UTC");
  });

  it("shows an unparseable value as given", () => {
    expect(formatLocal("soon")).toBe("soon");
    expect(formatUtc("soon")).toBe("soon");
  });
});
