/**
 * The dashboard speaks one language until it is translated as a whole: English, with 24-hour times, whatever
 * the browser's locale (a German browser would otherwise show "7.556 Ereignisse" next to English words).
 */
export const uiLocale = "en-US";

/** Times of day as 00:00–23:59, never AM/PM. */
export const hourCycle = "h23";

const counts = new Intl.NumberFormat(uiLocale);

/** A count with thousands separators: 7,556. */
export function formatCount(value: number): string {
  return counts.format(value);
}

const compactCounts = new Intl.NumberFormat(uiLocale, { notation: "compact", maximumFractionDigits: 1 });

/** A count in at most five characters, for scales: 2.4K, 750K, 7.5M. */
export function formatCompactCount(value: number): string {
  return compactCounts.format(value);
}
