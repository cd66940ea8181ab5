import { randomBytes } from "node:crypto";
import type { SessionRecord, UserRecord } from "../account-store";
import { signingSecretKey, toUser, userColumns, type UserRow } from "../user-row";
import type { StatementCache } from "./statement-cache";

export type AccountQueries = {
  findUserByUsername: (username: string) => UserRecord | undefined;
  findUserById: (id: number) => UserRecord | undefined;
  startSession: (session: SessionRecord, nowMs: number) => void;
  sessionUserId: (sessionId: string) => number | undefined;
  endSession: (sessionId: string) => void;
  signingSecret: () => Uint8Array;
};

export function accountQueries(statement: StatementCache): AccountQueries {
  return {
    // Usernames are e-mail addresses: compared without regard to case (the column is COLLATE NOCASE).
    findUserByUsername: (username) =>
      toUser(
        statement(`SELECT ${userColumns} FROM users WHERE username = ?`).get(username) as UserRow | undefined,
      ),
    findUserById: (id) =>
      toUser(statement(`SELECT ${userColumns} FROM users WHERE id = ?`).get(id) as UserRow | undefined),

    startSession({ id, userId, expiresAtMs }, nowMs) {
      // Sweeping early (a clock that jumped forward) only ends sessions early: a token needs its row.
      statement("DELETE FROM sessions WHERE expires_at < ?").run(nowMs);
      statement("INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)").run(
        id,
        userId,
        expiresAtMs,
      );
    },
    sessionUserId: (sessionId) =>
      statement("SELECT user_id FROM sessions WHERE id = ?").pluck().get(sessionId) as number | undefined,
    endSession(sessionId) {
      statement("DELETE FROM sessions WHERE id = ?").run(sessionId);
    },

    signingSecret() {
      const read = () =>
        statement("SELECT value FROM settings WHERE key = ?").pluck().get(signingSecretKey) as
          Buffer | undefined;
      const existing = read();
      if (existing) return new Uint8Array(existing);
      // OR IGNORE: if another process stored one first, both use the stored one.
      statement("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)").run(
        signingSecretKey,
        randomBytes(32),
      );
      return new Uint8Array(read() as Buffer);
    },
  };
}
