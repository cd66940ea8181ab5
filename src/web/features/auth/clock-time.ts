import { hourCycle, uiLocale } from "../../ui/formats";

/** A moment as the viewer's local time of day with seconds, for "try again at …". */
export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(uiLocale, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle,
  });
}
