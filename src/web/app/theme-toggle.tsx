import { useId, useState } from "react";
import { applyThemePreference, readThemePreference, type ThemePreference } from "./theme";

export function ThemeToggle() {
  const id = useId();
  const [preference, setPreference] = useState(readThemePreference);
  return (
    <div className="shell-field">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        className="select"
        value={preference}
        onChange={(event) => {
          const next = event.target.value as ThemePreference;
          setPreference(next);
          applyThemePreference(next);
        }}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  );
}
