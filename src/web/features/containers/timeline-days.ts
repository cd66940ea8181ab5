import type { Event } from "../../../contract/event";
import { uiLocale } from "../../ui/formats";

export type TimelineDay = { key: string; label: string; events: Event[] };

const dayKeyFormat = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" });
const dayLabelFormat = new Intl.DateTimeFormat(uiLocale, {
  weekday: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
});

/** The viewer's local calendar day of an instant, as `YYYY-MM-DD`. */
export function localDayKey(time: number): string {
  return dayKeyFormat.format(time);
}

function dayLabel(time: number, now: number): string {
  const key = localDayKey(time);
  const full = dayLabelFormat.format(time);
  if (key === localDayKey(now)) return `Today · ${full}`;
  if (key === localDayKey(now - 24 * 60 * 60_000)) return `Yesterday · ${full}`;
  return full;
}

/** Splits events (already newest first) into runs of one local day each, keeping their order. */
export function groupByDay(events: readonly Event[], now = Date.now()): TimelineDay[] {
  const days: TimelineDay[] = [];
  for (const event of events) {
    const time = Date.parse(event.timestamp);
    const key = localDayKey(time);
    const last = days[days.length - 1];
    if (last?.key === key) last.events.push(event);
    else days.push({ key, label: dayLabel(time, now), events: [event] });
  }
  return days;
}
