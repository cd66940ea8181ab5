import { z } from "zod";
import { isAddressOrRange } from "./http/client-address";

const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const originList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((origin) => origin.trim().replace(/\/+$/, ""))
      .filter((origin) => origin !== ""),
  )
  .pipe(
    z.array(
      z.string().refine(isOrigin, {
        error: (issue) => `${String(issue.input)} is not an origin such as https://console.example.com`,
      }),
    ),
  );

const addressList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ""),
  )
  .pipe(
    z.array(
      z.string().refine(isAddressOrRange, {
        error: (issue) => `${String(issue.input)} is not an IP address or a CIDR range such as 10.0.0.0/8`,
      }),
    ),
  );

const tokenSecret = z
  .string()
  .min(32, { error: "must be at least 32 characters (e.g. the output of `openssl rand -base64 48`)" })
  .transform((value) => new TextEncoder().encode(value));

const envSchema = z.object({
  PORT: whole(0, 65535).default(8080),
  EVENTDESK_HOST: z.string().min(1).default("0.0.0.0"),
  EVENTDESK_DB: z.string().min(1).default("./data/eventdesk.db"),
  EVENTDESK_SEED_EVENTS: whole(0, 50_000_000).default(100_000),
  EVENTDESK_DEMO_PASSWORD: z.string().min(1).default("demo"),
  EVENTDESK_TOKEN_TTL: whole(10, 7 * 24 * 3600).default(3600),
  EVENTDESK_REFRESH_TTL: whole(60, 365 * 24 * 3600).default(7 * 24 * 3600),
  EVENTDESK_CORS_ORIGINS: originList.default([]),
  EVENTDESK_STATIC_DIR: z.string().min(1).default("dist/web"),
  EVENTDESK_TRUSTED_PROXIES: addressList.default([]),
  EVENTDESK_TOKEN_SECRET: tokenSecret.optional(),
  EVENTDESK_EXPORT_SEND_TIMEOUT: whole(1, 3600).default(30),
  EVENTDESK_READ_THREADS: whole(0, 32).default(2),
  EVENTDESK_STREAMS_PER_USER: whole(10, 10_000).default(20),
  EVENTDESK_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, {
      error: "must be a PostgreSQL URL such as postgres://user:password@host:5432/eventdesk",
    })
    .optional(),
  EVENTDESK_DATABASE_POOL: whole(1, 1000).default(10),
  EVENTDESK_RETENTION_DAYS: whole(1, 36_500).optional(),
});

const configSchema = envSchema.transform((env) => ({
  port: env.PORT,
  host: env.EVENTDESK_HOST,
  db: env.EVENTDESK_DB,
  seedEvents: env.EVENTDESK_SEED_EVENTS,
  demoPassword: env.EVENTDESK_DEMO_PASSWORD,
  tokenTtlSeconds: env.EVENTDESK_TOKEN_TTL,
  refreshTtlSeconds: env.EVENTDESK_REFRESH_TTL,
  corsOrigins: env.EVENTDESK_CORS_ORIGINS,
  staticDir: env.EVENTDESK_STATIC_DIR,
  trustedProxies: env.EVENTDESK_TRUSTED_PROXIES,
  /** Signs tokens instead of the secret kept in the store, so a copy of the store cannot mint them. */
  tokenSecret: env.EVENTDESK_TOKEN_SECRET,
  /** A CSV export whose client takes nothing for this long is ended (its connection closed). */
  exportSendTimeoutSeconds: env.EVENTDESK_EXPORT_SEND_TIMEOUT,
  /** Threads that run lists, counts and exports on connections of their own (0: on the event loop). */
  readThreads: env.EVENTDESK_READ_THREADS,
  /** Live event streams one user may have open at once (the contract asks for at least 10). */
  streamsPerUser: env.EVENTDESK_STREAMS_PER_USER,
  /** A PostgreSQL database to use instead of the SQLite file `db`. */
  databaseUrl: env.EVENTDESK_DATABASE_URL,
  /** Connections each server keeps to PostgreSQL at most. */
  databasePool: env.EVENTDESK_DATABASE_POOL,
  /** On PostgreSQL: months of events wholly older than this many days are dropped. */
  retentionDays: env.EVENTDESK_RETENTION_DAYS,
}));

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads the settings from the environment; an empty variable counts as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration in the environment:\n${problems.join("\n")}`);
}

/** Every setting at its default, ignoring the environment. */
export const defaultConfig: Config = loadConfig({});

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value;
  } catch {
    return false;
  }
}
