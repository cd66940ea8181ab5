import { useSyncExternalStore } from "react";
import { getSession, subscribeSession, type Session } from "../../api/session";

/** The current session; re-renders on sign-in, sign-out and expiry. */
export function useSession(): Session {
  return useSyncExternalStore(subscribeSession, getSession);
}
