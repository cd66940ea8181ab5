/**
 * Transient notices. `showToast(message, { tone })` from anywhere (the QueryCache reports background errors
 * with it); render `<ToastRegion />` once near the root. The same message is shown once at a time; each
 * toast leaves after a few seconds or when dismissed.
 */
import { useSyncExternalStore } from "react";
import "./toast.css";

export type Toast = { id: number; message: string; tone: "error" | "info" };

const lifetimeMs = 8000;
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: readonly Toast[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

export function showToast(message: string, options: { tone?: Toast["tone"] } = {}): void {
  if (toasts.some((toast) => toast.message === message)) return;
  const toast: Toast = { id: nextId++, message, tone: options.tone ?? "info" };
  publish([...toasts, toast].slice(-4));
  setTimeout(() => {
    dismissToast(toast.id);
  }, lifetimeMs);
}

export function dismissToast(id: number): void {
  if (toasts.some((toast) => toast.id === id)) publish(toasts.filter((toast) => toast.id !== id));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function ToastRegion() {
  const current = useSyncExternalStore(subscribe, () => toasts);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {current.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`}>
          <span>{toast.message}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss notification"
            onClick={() => {
              dismissToast(toast.id);
            }}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
