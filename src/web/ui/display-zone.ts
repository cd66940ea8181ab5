import { useSyncExternalStore } from "react";

/**
 * The time zone the dashboard shows times in: the viewer's own (the default) or UTC, kept per browser. Read by
 * the formatters when they format; the app shell re-renders the page when it changes.
 */
export type DisplayZone = "local" | "utc";

const storageKey = "eventdesk.timeZone";
const listeners = new Set<() => void>();

function stored(): DisplayZone {
  try {
    return localStorage.getItem(storageKey) === "utc" ? "utc" : "local";
  } catch {
    return "local";
  }
}

let current: DisplayZone = stored();

export function getDisplayZone(): DisplayZone {
  return current;
}

export function setDisplayZone(zone: DisplayZone): void {
  current = zone;
  try {
    if (zone === "utc") localStorage.setItem(storageKey, zone);
    else localStorage.removeItem(storageKey);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
  for (const listener of listeners) listener();
}

export function useDisplayZone(): DisplayZone {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, getDisplayZone);
}

/** The IANA name of the zone times are shown in: the browser's own, or UTC. */
export function zoneName(zone: DisplayZone = current): string {
  return zone === "utc" ? "UTC" : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The `timeZone` option of an Intl formatter for the zone. */
export const timeZoneOption = (zone: DisplayZone): string | undefined => (zone === "utc" ? "UTC" : undefined);
