import { useCallback, useMemo, useSyncExternalStore } from "react";
import { readColumnLayout, type ColumnLayout } from "./column-layout";

const listeners = new Set<() => void>();
/** Where layouts go when localStorage refuses them (disabled, full): they then last while the page is open. */
const unstored = new Map<string, string>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readRaw(key: string | undefined): string | null {
  if (key === undefined) return null;
  if (unstored.has(key)) return unstored.get(key) ?? null;
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeRaw(key: string, raw: string | null) {
  try {
    if (raw === null) localStorage.removeItem(key);
    else localStorage.setItem(key, raw);
    unstored.delete(key);
  } catch {
    unstored.set(key, raw ?? "");
  }
}

/**
 * A table's column order and widths kept in localStorage under `key`, for columns `ids` (stable) in their
 * default order. `key` undefined (whose table it is not yet known) gives the default and keeps nothing.
 * Setting `undefined` puts the default back. Changes made in other tabs arrive too.
 */
export function useColumnLayout(key: string | undefined, ids: readonly string[]) {
  const raw = useSyncExternalStore(subscribe, () => readRaw(key));
  const layout = useMemo(() => readColumnLayout(raw, ids), [raw, ids]);
  const setLayout = useCallback(
    (next: ColumnLayout | undefined) => {
      if (key === undefined) return;
      writeRaw(key, next === undefined ? null : JSON.stringify(next));
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [layout, setLayout] as const;
}
