import { useSyncExternalStore } from "react";

/** A phone's width: the stylesheets' own breakpoint (`@media (max-width: 760px)`). */
export const phoneQuery = "(max-width: 760px)";

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
