import { parseArgs } from "node:util";

const synopsis =
  "Usage: npm run store:copy -- --from ./data/eventdesk.db --to postgres://user:password@host:5432/db";

export const usage = `${synopsis}

Copies an EventDesk SQLite store into an empty PostgreSQL database: every organisation, user, endpoint, SIM,
IMSI, container and event with its id, the sessions and the token signing secret (signed-in users stay
signed in). Then it reads every table on both sides and compares row counts and sha256 hashes.

  --from FILE  the SQLite store. Opened read-only, so a running server may go on using it; the copy is the
               store as it was when the copy began.
  --to URL     the PostgreSQL database (postgres://user:password@host:port/name). It must exist and hold no
               data; its schema is created if missing.
  --help       prints this.

The copy runs in one transaction: it commits whole, or (on an error, or when interrupted) not at all and
the target stays empty. It does not resume or merge: a target that holds any organisation or event is
refused. Exits 1 when it refuses, fails, or the verification finds a table that differs.`;

export type CopyArguments = { help: true } | { help: false; from: string; to: string };

const problem = (message: string) => new Error(`${message}\n${synopsis}\n(--help says more.)`);

/** The command line's options, or an error that says what is wrong with them. */
export function copyArguments(args: string[]): CopyArguments {
  let values: { from?: string | undefined; to?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args,
      options: { from: { type: "string" }, to: { type: "string" }, help: { type: "boolean" } },
    }));
  } catch (error) {
    throw problem(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { help: true };
  const { from, to } = values;
  if (!from) throw problem("--from is missing: name the SQLite store file to copy.");
  if (!to) throw problem("--to is missing: give the URL of the PostgreSQL database to copy into.");
  if (!/^postgres(ql)?:\/\//.test(to) || !URL.canParse(to))
    throw problem(`--to must be a PostgreSQL URL such as postgres://user:password@host:5432/eventdesk.`);
  return { help: false, from, to };
}
