import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { ContainerEventView } from "../../../contract/api-paths";
import { isApiError } from "../../api/api-error";
import { followEventStream } from "../../api/live-events";

export type LiveEvents = ReturnType<typeof useLiveEvents>;

export type LiveState = "connecting" | "live" | "paused" | "reconnecting" | "stopped";

const firstRetryMs = 1_000;
const lastRetryMs = 15_000;

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Counts the events that arrive on the live stream of a view and `q` after `since` (the newest id the reader
 * has): "N new events". It reconnects on its own (at once when the server ends the stream at token expiry,
 * with a growing delay after a failure) resuming from the last id, so the count survives a reconnect with no
 * event counted twice or missed. Pausing closes the stream; resuming catches up from the last id. `show()`
 * refetches `refresh` (the list on screen) and counts again from 0 after the newest event it then shows; so
 * does a change of view, `q` or `enabled`, or a refetch that shows newer events by itself.
 */
export function useLiveEvents({
  orgId,
  view,
  q,
  since,
  enabled,
  refresh,
}: {
  orgId: number;
  view: "all" | ContainerEventView;
  q: string | undefined;
  since: number | undefined;
  enabled: boolean;
  /** The queries that show the list: refetched by `show()`. */
  refresh: QueryKey;
}) {
  const queryClient = useQueryClient();
  const [generation, setGeneration] = useState(0);
  const [showing, setShowing] = useState(false);
  const [countedFrom, setCountedFrom] = useState(since);
  if (since !== countedFrom) {
    setCountedFrom(since);
    if (countedFrom !== undefined && since !== undefined && since > countedFrom) {
      setGeneration((current) => current + 1);
    }
  }
  const streaming = enabled && !showing;
  const [paused, setPaused] = useState(false);
  const [state, setState] = useState<LiveState>("connecting");
  const [count, setCount] = useState(0);
  const key = `${String(orgId)}|${view}|${q ?? ""}|${String(generation)}|${String(streaming)}`;
  const [counted, setCounted] = useState(key);
  const lastId = useRef<number | undefined>(since);
  const startingId = useEffectEvent(() => since);

  if (counted !== key) {
    setCounted(key);
    setCount(0);
  }

  useEffect(() => {
    lastId.current = startingId();
  }, [key]);

  useEffect(() => {
    if (!streaming || paused) return;
    const controller = new AbortController();
    const { signal } = controller;
    const stopped = () => signal.aborted;
    void (async () => {
      let delay = firstRetryMs;
      setState("connecting");
      while (!stopped()) {
        try {
          await followEventStream({
            orgId,
            view,
            q,
            lastEventId: lastId.current === undefined ? undefined : String(lastId.current),
            signal,
            onOpen: () => {
              setState("live");
              delay = firstRetryMs;
            },
            onEvent: (event) => {
              if (lastId.current !== undefined && event.id <= lastId.current) return;
              lastId.current = event.id;
              setCount((current) => current + 1);
            },
          });
          if (!stopped()) setState("reconnecting");
        } catch (error) {
          if (stopped()) return;
          if (
            isApiError(error) &&
            ["bad_request", "not_found", "forbidden", "unauthorized", "schema"].includes(error.kind)
          ) {
            setState("stopped");
            return;
          }
          setState("reconnecting");
          const retryAfter = isApiError(error) ? error.retryAfterSeconds : undefined;
          await wait(retryAfter === undefined ? delay : retryAfter * 1000, signal);
          delay = Math.min(delay * 2, lastRetryMs);
        }
      }
    })();
    return () => {
      controller.abort();
    };
  }, [streaming, paused, orgId, view, q, key]);

  const show = () => {
    setShowing(true);
    void queryClient.invalidateQueries({ queryKey: refresh }).finally(() => {
      setShowing(false);
      setGeneration((current) => current + 1);
    });
  };

  return { count, state: paused ? ("paused" as const) : state, paused, setPaused, showing, show };
}
