import type { Role } from "../../contract/organisation";

export type UserRecord = {
  id: number;
  username: string;
  name: string;
  role: Role;
  organisationId: number;
  passwordHash: string;
};

/** `maxFailures` failed sign-ins within `windowMs` lock a key for `windowMs` from the failure that locked it. */
export type FailureRule = { maxFailures: number; windowMs: number };

/** A signed-in session: its refresh token and every auth token it issues name `id` and end by `expiresAtMs`. */
export type SessionRecord = { id: string; userId: number; expiresAtMs: number };

/**
 * Who may sign in, the key that signs their tokens and their live sessions: everything sign-in and the auth
 * middleware need from storage. The SQLite store implements it beside `EventStore`, on the same file.
 */
export interface AccountStore {
  findUserByUsername(username: string): Promise<UserRecord | undefined>;
  findUserById(id: number): Promise<UserRecord | undefined>;

  /** The key that signs tokens: 32 random bytes made on first call and kept in the store, so tokens survive a restart. */
  signingSecret(): Promise<Uint8Array>;
  /**
   * Sessions are an allow-list: a token is good only while its session's row exists, so losing a row (an
   * expired session swept, a sign-out) can only end a session, never bring one back.
   */
  startSession(session: SessionRecord, nowMs: number): Promise<void>;
  /** The user of a live session; undefined once it has ended or its user is gone. */
  sessionUserId(sessionId: string): Promise<number | undefined>;
  endSession(sessionId: string): Promise<void>;

  /**
   * Failed sign-ins per key (a username): milliseconds until the key may try again (0 unless locked), a
   * failure counted under `rule`, and a success forgetting the key's failures. On PostgreSQL every server
   * sees the same counts; on SQLite they live in the server's process.
   */
  signInRetryAfterMs(key: string, nowMs: number): Promise<number>;
  recordSignInFailure(key: string, rule: FailureRule, nowMs: number): Promise<void>;
  forgetSignInFailures(key: string): Promise<void>;
}
