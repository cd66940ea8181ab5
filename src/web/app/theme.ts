/** The colour scheme choice: `system` follows prefers-color-scheme; the others set `data-theme` on <html>. */
export type ThemePreference = "system" | "light" | "dark";

const storageKey = "eventdesk.theme";

export function readThemePreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(storageKey);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

export function applyThemePreference(preference: ThemePreference): void {
  if (preference === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = preference;
  try {
    if (preference === "system") localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, preference);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
}
