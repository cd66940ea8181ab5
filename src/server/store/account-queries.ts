import { randomBytes } from "node:crypto";
import type { Role } from "../../contract/organisation";
import type { UserRecord } from "./event-store";
import type { StatementCache } from "./statement-cache";

type UserRow = {
  id: number;
  username: string;
  name: string;
  role: Role;
  organisation_id: number;
  password_hash: string;
};

const userColumns = "id, username, name, role, organisation_id, password_hash";
const secretKey = "token_signing_secret";

function toUser(row: UserRow | undefined): UserRecord | undefined {
  return (
    row && {
      id: row.id,
      username: row.username,
      name: row.name,
      role: row.role,
      organisationId: row.organisation_id,
      passwordHash: row.password_hash,
    }
  );
}

export type AccountQueries = {
  findUserByUsername: (username: string) => UserRecord | undefined;
  findUserById: (id: number) => UserRecord | undefined;
  revokeRefreshToken: (tokenId: string, expiresAtMs: number) => void;
  isRefreshTokenRevoked: (tokenId: string) => boolean;
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

    revokeRefreshToken(tokenId, expiresAtMs) {
      statement("DELETE FROM revoked_tokens WHERE expires_at < ?").run(Date.now());
      statement("INSERT OR REPLACE INTO revoked_tokens (token_id, expires_at) VALUES (?, ?)").run(
        tokenId,
        expiresAtMs,
      );
    },
    isRefreshTokenRevoked: (tokenId) =>
      statement("SELECT 1 FROM revoked_tokens WHERE token_id = ?").get(tokenId) !== undefined,

    signingSecret() {
      const read = () =>
        statement("SELECT value FROM settings WHERE key = ?").pluck().get(secretKey) as Buffer | undefined;
      const existing = read();
      if (existing) return new Uint8Array(existing);
      // OR IGNORE: if another process stored one first, both use the stored one.
      statement("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)").run(secretKey, randomBytes(32));
      return new Uint8Array(read() as Buffer);
    },
  };
}
