import { getDisplayZone, timeZoneOption, type DisplayZone } from "./display-zone";
import { hourCycle, uiLocale } from "./formats";

/** Conversions between the API's UTC date-times and `<input type="datetime-local">` values in the viewer's zone. */

/**
 * `2026-11-18T13:00:05` (local) → `2026-11-18T12:00:05Z`; undefined when the input is incomplete. As the `end`
 * of a range, a time without seconds means its whole minute: `13:00` → `12:00:59.999Z`, so an inclusive
 * `until` keeps the events of its last minute.
 */
export function localInputToIso(local: string, end = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(local)) return undefined;
  const time = new Date(local).getTime();
  if (Number.isNaN(time)) return undefined;
  return end && local.length === 16 ? new Date(time + 59_999).toISOString() : isoSeconds(time);
}

/** `2026-11-18T12:00:05Z` → `2026-11-18T13:00:05` in the viewer's zone; "" for an unparseable value. */
export function isoToLocalInput(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return "";
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${String(date.getFullYear()).padStart(4, "0")}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** A UTC date-time to the second, as the API echoes it. */
export function isoSeconds(time: number): string {
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export const rangePresets = [
  { label: "Last 1 h", ms: 60 * 60_000 },
  { label: "Last 24 h", ms: 24 * 60 * 60_000 },
  { label: "Last 7 d", ms: 7 * 24 * 60 * 60_000 },
  { label: "Last 30 d", ms: 30 * 24 * 60 * 60_000 },
] as const;

export function presetRange(ms: number, now = Date.now()): { from: string; until: string } {
  return { from: isoSeconds(now - ms), until: isoSeconds(now) };
}

const rangeFormats = new Map<string, Intl.DateTimeFormat>();
/** "Nov 18, 12:00", or "Dec 31, 2026, 23:00" `withYear`, in the zone. */
const rangeFormat = (zone: DisplayZone, withYear: boolean) => {
  const key = `${zone} ${String(withYear)}`;
  let format = rangeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(uiLocale, {
      ...(withYear ? { year: "numeric" } : {}),
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle,
      timeZone: timeZoneOption(zone),
    });
    rangeFormats.set(key, format);
  }
  return format;
};

const yearIn = (time: number, zone: DisplayZone) =>
  new Date(time).toLocaleString(uiLocale, { year: "numeric", timeZone: timeZoneOption(zone) });

/**
 * "Nov 18, 12:00 – Nov 19, 12:00" in the zone the dashboard shows times in; with the years when the range
 * spans two ("Dec 31, 2026, 23:00 – Jan 1, 2027, 01:00").
 */
export function formatRange(from: string, until: string, zone: DisplayZone = getDisplayZone()): string {
  const a = Date.parse(from);
  const b = Date.parse(until);
  if (Number.isNaN(a) || Number.isNaN(b)) return `${from} – ${until}`;
  const format = rangeFormat(zone, yearIn(a, zone) !== yearIn(b, zone));
  return `${format.format(a)} – ${format.format(b)}`;
}
