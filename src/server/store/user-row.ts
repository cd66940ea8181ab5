import type { Role } from "../../contract/organisation";
import type { UserRecord } from "./account-store";

/** A row of `users` as both backends select it (`userColumns`). */
export type UserRow = {
  id: number;
  username: string;
  name: string;
  role: Role;
  organisation_id: number;
  password_hash: string;
};

export const userColumns = "id, username, name, role, organisation_id, password_hash";

/** The `settings` key of the token signing secret. */
export const signingSecretKey = "token_signing_secret";

export function toUser(row: UserRow | undefined): UserRecord | undefined {
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
