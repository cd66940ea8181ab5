import { useState } from "react";

function read<T extends string>(key: string, choices: readonly T[], fallback: T): T {
  try {
    const stored = localStorage.getItem(key);
    return choices.find((choice) => choice === stored) ?? fallback;
  } catch {
    return fallback;
  }
}

/** One of `choices`, kept in this browser under `key` once chosen; `fallback` until then (it is not stored). */
export function useRememberedChoice<T extends string>(key: string, choices: readonly T[], fallback: T) {
  const [choice, setChoice] = useState(() => read(key, choices, fallback));
  const choose = (next: T) => {
    setChoice(next);
    try {
      if (next === fallback) localStorage.removeItem(key);
      else localStorage.setItem(key, next);
    } catch {
      // Storage may be disabled: the choice then lasts while the page is open.
    }
  };
  return [choice, choose] as const;
}
