import { ApiError } from "../http/api-error";
import type { AccountStore, SessionRecord } from "../store/account-store";
import { asStoreUnavailable } from "../store/store-unavailable";
import type { VerifiedToken } from "./tokens";

/** How often a sign-out the store could not save is tried again. */
const retrySaveMs = 5_000;
/** Sessions kept in memory at most, while the store cannot save them. */
const maxUnsavedSessions = 100_000;

export type Sessions = ReturnType<typeof createSessions>;

/**
 * Live sessions, kept by the account store. When the store cannot write (a full or read-only disk):
 * - a sign-in still works, its session kept in this process only (it ends if the server restarts);
 * - a sign-out still ends the session in this process at once; saving it is retried in the background until
 *   the store takes it, and the caller is told (503) that the sign-out is not saved yet.
 */
export function createSessions(accounts: AccountStore, now: () => number) {
  const startedUnsaved = new Map<string, SessionRecord>();
  const endedUnsaved = new Set<string>();
  let retry: NodeJS.Timeout | undefined;

  async function saveEnded(): Promise<void> {
    try {
      for (const id of endedUnsaved) {
        await accounts.endSession(id);
        endedUnsaved.delete(id);
      }
    } catch {
      // Still unavailable (or closed): the next pass tries again.
    }
  }

  function retryLater(): void {
    retry ??= setInterval(() => {
      void saveEnded().then(() => {
        if (endedUnsaved.size > 0) return;
        clearInterval(retry);
        retry = undefined;
      });
    }, retrySaveMs).unref();
  }

  return {
    async start(session: SessionRecord): Promise<void> {
      try {
        await accounts.startSession(session, now());
      } catch (error) {
        if (asStoreUnavailable(error)?.reason !== "cannot_write") throw error;
        forgetExpired(startedUnsaved, now());
        if (startedUnsaved.size >= maxUnsavedSessions) throw error;
        startedUnsaved.set(session.id, session);
      }
    },

    /** Whether the token's session is still signed in, and as the user the token names. */
    async isLive(claims: VerifiedToken): Promise<boolean> {
      if (endedUnsaved.has(claims.sessionId)) return false;
      const unsaved = startedUnsaved.get(claims.sessionId);
      if (unsaved) return unsaved.userId === claims.userId && now() < unsaved.expiresAtMs;
      return (await accounts.sessionUserId(claims.sessionId)) === claims.userId;
    },

    async end(sessionId: string): Promise<void> {
      if (startedUnsaved.delete(sessionId)) return;
      try {
        await accounts.endSession(sessionId);
        endedUnsaved.delete(sessionId);
      } catch (error) {
        const unavailable = asStoreUnavailable(error);
        if (!unavailable) throw error;
        endedUnsaved.add(sessionId);
        retryLater();
        throw new ApiError(
          "unavailable",
          "Signing out could not be saved: the event store cannot write right now. This server already refuses the session; try again to make the sign-out permanent.",
          undefined,
          { "Retry-After": String(retrySaveMs / 1000) },
        );
      }
    },
  };
}

function forgetExpired(sessions: Map<string, SessionRecord>, nowMs: number): void {
  for (const [id, session] of sessions) if (session.expiresAtMs < nowMs) sessions.delete(id);
}
