import { useSyncExternalStore } from "react";

/** Whether the CSS media query matches now; re-renders when that changes (a phone turned, a window resized). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      const list = matchMedia(query);
      list.addEventListener("change", listener);
      return () => {
        list.removeEventListener("change", listener);
      };
    },
    () => matchMedia(query).matches,
  );
}
