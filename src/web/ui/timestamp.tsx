import { getDisplayZone, timeZoneOption, useDisplayZone, type DisplayZone } from "./display-zone";

/**
 * `<Timestamp value="2026-11-18T12:00:00Z" />` renders an ISO date-time in the zone the viewer chose (their own
 * by default, or UTC) as
 * `2026-11-18 13:00:00` (sortable, dense, unambiguous across locales) inside `<time dateTime>`, with the exact
 * UTC time as its tooltip. An unparseable value is shown as given.
 */

const formats = new Map<DisplayZone, Intl.DateTimeFormat>();
const formatFor = (zone: DisplayZone) => {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZone: timeZoneOption(zone),
    });
    formats.set(zone, format);
  }
  return format;
};

/** `2026-11-18 13:00:00` in the zone the dashboard shows times in (display-zone.ts). */
export function formatLocal(iso: string, zone: DisplayZone = getDisplayZone()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const part = Object.fromEntries(
    formatFor(zone)
      .formatToParts(time)
      .map(({ type, value }) => [type, value]),
  );
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

export function formatUtc(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time)
    ? iso
    : `${new Date(time)
        .toISOString()
        .replace("T", " ")
        .replace(/\.\d+Z$/, "")} UTC`;
}

export function Timestamp({ value }: { value: string }) {
  const zone = useDisplayZone();
  return (
    <time dateTime={value} title={formatUtc(value)}>
      {formatLocal(value, zone)}
    </time>
  );
}
