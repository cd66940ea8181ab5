import type pg from "pg";
import type { AccountStore } from "../account-store";

type SignInFailures = Pick<
  AccountStore,
  "signInRetryAfterMs" | "recordSignInFailure" | "forgetSignInFailures"
>;

/** The failures still inside the window ending at $2 (ms), of the row being updated. */
const recent = "ARRAY(SELECT at FROM unnest(f.failures) AS at WHERE at > $2::bigint - $3::bigint)";
const locks = `cardinality(${recent}) + 1 >= $4`;

/**
 * One upsert per failure, so servers counting the same key at once queue on its row and every failure is
 * counted: the one that reaches `maxFailures` sets the lock and clears the count. Keys with nothing left to
 * remember are swept on the way.
 */
const recordSql = `
  WITH swept AS (
    DELETE FROM sign_in_failures
    WHERE locked_until <= $2 AND coalesce(failures[cardinality(failures)], 0) <= $2::bigint - $3::bigint AND key <> $1
  )
  INSERT INTO sign_in_failures AS f (key, failures, locked_until)
  VALUES ($1, CASE WHEN $4 <= 1 THEN '{}'::bigint[] ELSE ARRAY[$2::bigint] END,
          CASE WHEN $4 <= 1 THEN $2::bigint + $3::bigint ELSE 0 END)
  ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN ${locks} THEN '{}'::bigint[] ELSE ${recent} || $2::bigint END,
    locked_until = CASE WHEN ${locks} THEN $2::bigint + $3::bigint ELSE f.locked_until END`;

/** A key as stored: JSON text, one for one, since PostgreSQL text cannot hold the NUL a typed username may. */
const stored = (key: string) => JSON.stringify(key);

export function signInFailures(pool: pg.Pool): SignInFailures {
  return {
    async signInRetryAfterMs(key, nowMs) {
      const found = await pool.query<{ locked_until: number }>(
        "SELECT locked_until FROM sign_in_failures WHERE key = $1",
        [stored(key)],
      );
      return Math.max(0, (found.rows[0]?.locked_until ?? 0) - nowMs);
    },
    async recordSignInFailure(key, rule, nowMs) {
      await pool.query(recordSql, [stored(key), nowMs, rule.windowMs, rule.maxFailures]);
    },
    async forgetSignInFailures(key) {
      await pool.query("DELETE FROM sign_in_failures WHERE key = $1", [stored(key)]);
    },
  };
}
