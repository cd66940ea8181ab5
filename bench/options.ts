import { parseArgs } from "node:util";

export type BenchOptions = {
  events: number;
  /** An existing store to reuse (seeded when missing); seeding time is then not measured. */
  db: string | undefined;
  /** A PostgreSQL database for the server instead of a SQLite file; seeded when empty, reused otherwise. */
  databaseUrl: string | undefined;
  /** Upper bound on timed requests per matrix entry and client. */
  requests: number;
  /** Time budget per matrix entry and client, in seconds. */
  seconds: number;
  /** Duration of the ten-client run, in seconds. */
  loadSeconds: number;
  csv: boolean;
  bundle: boolean;
  lighthouse: boolean;
  sortClick: boolean;
  /** Ingest throughput through the API, last: it adds events to the store. */
  ingest: boolean;
  keep: boolean;
  /**
   * The live mode (live-run.ts) instead of the usual bench: a writer at 20 events/s through the API, every
   * read after a write or on a URL not asked before. It uses events, db or database-url, requests, seconds,
   * load-seconds, keep.
   */
  live: boolean;
  /** Live mode on PostgreSQL: phase B again with its clients spread over this many servers on the database. */
  servers: number;
};

const usage = `npm run bench -- [--events N] [--db FILE | --database-url postgres://…] [--requests N] [--seconds S]
                   [--load-seconds S] [--no-csv] [--no-bundle] [--no-lighthouse] [--no-sort-click] [--no-ingest]
                   [--keep]
npm run bench -- --live [--events N] [--db FILE | --database-url postgres://…] [--requests N] [--seconds S]
                   [--load-seconds S] [--servers N (with --database-url)] [--keep]`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      events: { type: "string", default: "1000000" },
      db: { type: "string" },
      "database-url": { type: "string" },
      requests: { type: "string", default: "200" },
      seconds: { type: "string", default: "3" },
      "load-seconds": { type: "string", default: "5" },
      "no-csv": { type: "boolean", default: false },
      "no-bundle": { type: "boolean", default: false },
      "no-lighthouse": { type: "boolean", default: false },
      "no-sort-click": { type: "boolean", default: false },
      "no-ingest": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      live: { type: "boolean", default: false },
      servers: { type: "string", default: "1" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const databaseUrl = values["database-url"];
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error(`--database-url must be a PostgreSQL URL (postgres://…).\n${usage}`);
  if (databaseUrl !== undefined && values.db !== undefined)
    throw new Error(`--db and --database-url name two stores: give one.\n${usage}`);
  const servers = positive("servers", values.servers);
  if (servers > 1 && (!values.live || databaseUrl === undefined))
    throw new Error(
      `--servers runs several servers on one PostgreSQL database: give --live and --database-url.\n${usage}`,
    );
  return {
    events: positive("events", values.events),
    db: values.db,
    databaseUrl,
    requests: positive("requests", values.requests),
    seconds: positive("seconds", values.seconds),
    loadSeconds: positive("load-seconds", values["load-seconds"]),
    csv: !values["no-csv"],
    bundle: !values["no-bundle"],
    lighthouse: !values["no-lighthouse"],
    sortClick: !values["no-sort-click"],
    ingest: !values["no-ingest"],
    keep: values.keep,
    live: values.live,
    servers,
  };
}

function positive(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`--${name} must be a positive number.\n${usage}`);
  return value;
}
