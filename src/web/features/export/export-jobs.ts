import { useEffect, useSyncExternalStore } from "react";
import type { CsvColumn } from "../../../contract/csv";
import { exportCsv, type ExportProgress, type ExportResult } from "./export-csv";
import { saveFile } from "./save-file";

export type ExportState =
  | { status: "idle" }
  | { status: "running"; progress: ExportProgress }
  | { status: "done"; result: Omit<ExportResult, "blob"> }
  | { status: "cancelled" }
  | { status: "failed"; error: unknown };

export type ExportJob = {
  path: string;
  sort: string | undefined;
  q: string | undefined;
  bom: boolean;
  /** Only these columns, in this order; every column when undefined. */
  columns: readonly CsvColumn[] | undefined;
  fallbackFileName: string;
  /** The count the button showed, for the progress bar until the server's own arrives. */
  total: number | undefined;
};

/** An export of one view, named by `key` (its path, sort and q) and shown as `label`. */
export type ExportEntry = { key: string; label: string; state: ExportState };

/**
 * The exports of this tab, outside any page: an export keeps running while the user moves around the app (the
 * tray shows it where its button is not), the file is saved when it completes, and leaving the app while one
 * runs asks first. One export per view at a time.
 */
const entries = new Map<string, ExportEntry & { abort: AbortController | undefined }>();
let snapshot: readonly ExportEntry[] = [];
const listeners = new Set<() => void>();
const shownByButtons = new Map<string, number>();

function publish() {
  snapshot = [...entries.values()].map(({ key, label, state }) => ({ key, label, state }));
  for (const listener of listeners) listener();
}

function set(key: string, state: ExportState) {
  const entry = entries.get(key);
  if (!entry) return;
  entries.set(key, { ...entry, state });
  publish();
}

function warnBeforeLeaving(event: BeforeUnloadEvent) {
  if (snapshot.some((entry) => entry.state.status === "running")) event.preventDefault();
}

export function startExport(key: string, label: string, job: ExportJob): void {
  entries.get(key)?.abort?.abort();
  const abort = new AbortController();
  entries.set(key, {
    key,
    label,
    abort,
    state: { status: "running", progress: { rows: 0, total: job.total } },
  });
  publish();
  const current = () => !abort.signal.aborted && entries.get(key)?.abort === abort;
  exportCsv(
    job.path,
    { sort: job.sort, q: job.q },
    {
      signal: abort.signal,
      bom: job.bom,
      columns: job.columns,
      fallbackFileName: job.fallbackFileName,
      onProgress: ({ rows, total }) => {
        if (current()) set(key, { status: "running", progress: { rows, total: total ?? job.total } });
      },
    },
  ).then(
    ({ blob, ...result }) => {
      if (!current()) return;
      saveFile(blob, result.fileName);
      set(key, { status: "done", result });
    },
    (error: unknown) => {
      if (current()) set(key, { status: "failed", error });
    },
  );
}

export function cancelExport(key: string): void {
  entries.get(key)?.abort?.abort();
  set(key, { status: "cancelled" });
}

/** Forgets a finished export (the tray's Dismiss). */
export function dismissExport(key: string): void {
  if (entries.get(key)?.state.status === "running") return;
  entries.delete(key);
  publish();
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener("beforeunload", warnBeforeLeaving);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("beforeunload", warnBeforeLeaving);
  };
}

export function useExports(): readonly ExportEntry[] {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** The export of one view, for its button; while the button is on screen the tray leaves that export to it. */
export function useExport(key: string): ExportState {
  useEffect(() => {
    shownByButtons.set(key, (shownByButtons.get(key) ?? 0) + 1);
    publish();
    return () => {
      const count = (shownByButtons.get(key) ?? 1) - 1;
      if (count === 0) shownByButtons.delete(key);
      else shownByButtons.set(key, count);
      publish();
    };
  }, [key]);
  return useExports().find((entry) => entry.key === key)?.state ?? { status: "idle" };
}

/** Whether a button shows this export (so the tray need not). */
export function shownByButton(key: string): boolean {
  return shownByButtons.has(key);
}
