import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { AccountStore } from "../account-store";
import { signingSecretKey, toUser, userColumns, type UserRow } from "../user-row";

export function accountQueries(
  pool: pg.Pool,
): Omit<AccountStore, "signInRetryAfterMs" | "recordSignInFailure" | "forgetSignInFailures"> {
  const user = async (where: string, value: unknown) =>
    toUser((await pool.query<UserRow>(`SELECT ${userColumns} FROM users WHERE ${where}`, [value])).rows[0]);
  return {
    // Usernames are e-mail addresses: compared with ASCII case folded, as SQLite's NOCASE does.
    findUserByUsername: (username) =>
      username.includes("\0")
        ? Promise.resolve(undefined)
        : user("ascii_lower(username) = ascii_lower($1)", username),
    findUserById: (id) => user("id = $1", id),

    async startSession({ id, userId, expiresAtMs }, nowMs) {
      // Sweeping early (a clock that jumped forward) only ends sessions early: a token needs its row.
      await pool.query(
        "WITH swept AS (DELETE FROM sessions WHERE expires_at < $4) INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, $3)",
        [id, userId, expiresAtMs, nowMs],
      );
    },
    async sessionUserId(sessionId) {
      const found = await pool.query<{ user_id: number }>("SELECT user_id FROM sessions WHERE id = $1", [
        sessionId,
      ]);
      return found.rows[0]?.user_id;
    },
    async endSession(sessionId) {
      await pool.query("DELETE FROM sessions WHERE id = $1", [sessionId]);
    },

    async signingSecret() {
      // DO NOTHING: if another server stored one first, every server uses the stored one.
      await pool.query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", [
        signingSecretKey,
        randomBytes(32),
      ]);
      const stored = await pool.query<{ value: Buffer }>("SELECT value FROM settings WHERE key = $1", [
        signingSecretKey,
      ]);
      const value = stored.rows[0]?.value;
      if (!value) throw new Error("The token signing secret could not be stored.");
      return new Uint8Array(value);
    },
  };
}
