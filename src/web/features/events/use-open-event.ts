import { useCallback } from "react";
import { useSearchParams } from "react-router";

/**
 * The event whose detail drawer is open, kept in the URL as `event=<id>` (in place: opening and closing the
 * drawer add no Back steps): its id, and a setter that opens one or, without an id, closes it.
 */
export function useOpenEvent(): [string | null, (id: number | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const setOpenId = useCallback(
    (id: number | undefined) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (id === undefined) next.delete("event");
          else next.set("event", String(id));
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [params.get("event"), setOpenId];
}
