import { useCallback } from "react";
import { useSearchParams } from "react-router";

/**
 * The event whose detail drawer is open, kept in the URL as `event=<id>`: its id, and a setter that opens one
 * or, without an id, closes it. Opening adds a history entry (Back closes the drawer, not the page); stepping
 * to another event or closing replaces it.
 */
export function useOpenEvent(): [string | null, (id: number | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const setOpenId = useCallback(
    (id: number | undefined) => {
      // Opening the drawer is a step Back returns from; stepping within it or closing it is not.
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (id === undefined) next.delete("event");
          else next.set("event", String(id));
          return next;
        },
        { replace: id === undefined || params.has("event") },
      );
    },
    [setParams, params],
  );
  return [params.get("event"), setOpenId];
}
