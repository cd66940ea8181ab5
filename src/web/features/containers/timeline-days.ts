import type { Event } from "../../../contract/event";
import { getDisplayZone, timeZoneOption, type DisplayZone } from "../../ui/display-zone";
import { uiLocale } from "../../ui/formats";

export type TimelineDay = { key: string; label: string; events: Event[] };

const dayFormats = (zone: DisplayZone) => {
  const timeZone = timeZoneOption(zone);
  const key = new Intl.DateTimeFormat("en-CA", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    timeZone,
  });
  const label = new Intl.DateTimeFormat(uiLocale, {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone,
  });
  return { key: (time: number) => key.format(time), label: (time: number) => label.format(time) };
};

/** The calendar day of an instant in the zone times are shown in (the viewer's own by default), as `YYYY-MM-DD`. */
export function localDayKey(time: number, zone: DisplayZone = getDisplayZone()): string {
  return dayFormats(zone).key(time);
}

/**
 * Splits events (already newest first) into runs of one calendar day each in the zone times are shown in,
 * keeping their order.
 */
export function groupByDay(
  events: readonly Event[],
  now = Date.now(),
  zone: DisplayZone = getDisplayZone(),
): TimelineDay[] {
  const format = dayFormats(zone);
  const today = format.key(now);
  const yesterday = format.key(now - 24 * 60 * 60_000);
  const days: TimelineDay[] = [];
  for (const event of events) {
    const time = Date.parse(event.timestamp);
    const key = format.key(time);
    const last = days[days.length - 1];
    if (last?.key === key) {
      last.events.push(event);
      continue;
    }
    const full = format.label(time);
    const label = key === today ? `Today · ${full}` : key === yesterday ? `Yesterday · ${full}` : full;
    days.push({ key, label, events: [event] });
  }
  return days;
}
