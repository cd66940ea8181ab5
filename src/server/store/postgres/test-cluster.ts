import { execFile } from "node:child_process";
import { access, appendFile, chown, constants, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

/** A PostgreSQL server for tests. */
export type TestCluster = {
  /** Superuser `postgres` on database `postgres`. */
  adminUrl: string;
  databaseUrl(name: string): string;
  /** A fast shutdown and start: open connections are dropped. Only on a server the tests started. */
  restart(): Promise<void>;
  /** Ends the server and deletes its data, when the tests started it. */
  stop(): Promise<void>;
};

/**
 * The server named by `EVENTDESK_TEST_DATABASE_URL`, or a throwaway one started from the installed binaries; or,
 * after a loud notice on stderr, undefined when there is neither.
 */
export async function startTestCluster(): Promise<TestCluster | undefined> {
  const givenUrl = process.env.EVENTDESK_TEST_DATABASE_URL;
  if (givenUrl) return givenCluster(givenUrl);
  const bindir = await findBindir();
  if (!bindir) {
    warnSkipped("no PostgreSQL server binaries found (initdb, pg_ctl)");
    return undefined;
  }
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await postgresUser() : undefined;
  if (asRoot && !owner) {
    warnSkipped("running as root, and there is no `postgres` user to run the server as (it refuses root)");
    return undefined;
  }

  const dir = await mkdtemp(join(tmpdir(), "eventdesk-pg-"));
  const server = (program: string, ...args: string[]) => {
    const path = join(bindir, program);
    return owner ? run("runuser", ["-u", "postgres", "--", path, ...args], dir) : run(path, args, dir);
  };
  const log = join(dir, "log");
  try {
    if (owner) await chown(dir, owner.uid, owner.gid);
    const locale = ["--encoding=UTF8", "--locale=C.UTF-8"];
    await server("initdb", "-D", dir, "-U", "postgres", "--auth=trust", ...locale, "-N");
    const port = await freePort();
    await appendFile(join(dir, "postgresql.conf"), settings(dir, port));
    await server("pg_ctl", "-w", "-D", dir, "-l", log, "start");
    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      adminUrl,
      databaseUrl: (name) => databaseUrl(adminUrl, name),
      async restart() {
        await server("pg_ctl", "-w", "-D", dir, "-l", log, "-m", "fast", "restart");
      },
      async stop() {
        try {
          await server("pg_ctl", "-D", dir, "-m", "immediate", "stop");
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    const serverLog = await readFile(log, "utf8").catch(() => "");
    await server("pg_ctl", "-D", dir, "-m", "immediate", "stop").catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw new Error(`The PostgreSQL test server did not start. Its log:\n${serverLog}`, { cause: error });
  }
}

/** Runs one statement (CREATE or DROP DATABASE) as the test server's superuser. */
export async function runAsAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `adminUrl`'s server and user, on database `name`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.href;
}

function givenCluster(adminUrl: string): TestCluster {
  return {
    adminUrl,
    databaseUrl: (name) => databaseUrl(adminUrl, name),
    restart: () =>
      Promise.reject(new Error("The tests cannot restart the server of EVENTDESK_TEST_DATABASE_URL")),
    stop: () => Promise.resolve(),
  };
}

function warnSkipped(reason: string): void {
  const lines = [
    `PostgreSQL tests SKIPPED: ${reason}.`,
    "Install Debian's postgresql package (apt-get install postgresql),",
    "or set EVENTDESK_TEST_DATABASE_URL to a PostgreSQL server's superuser URL.",
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = "#".repeat(width + 4);
  console.error([rule, ...lines.map((line) => `# ${line.padEnd(width)} #`), rule].join("\n"));
}

/** The newest Debian server's bin folder, else `pg_config`'s, if it holds initdb and pg_ctl. */
async function findBindir(): Promise<string | undefined> {
  const versions = await readdir("/usr/lib/postgresql").catch(() => []);
  versions.sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
  for (const version of versions) {
    const bindir = `/usr/lib/postgresql/${version}/bin`;
    if (await hasServer(bindir)) return bindir;
  }
  const configured = await run("pg_config", ["--bindir"]).catch(() => "");
  return configured && (await hasServer(configured.trim())) ? configured.trim() : undefined;
}

async function hasServer(bindir: string): Promise<boolean> {
  const executable = (program: string) => access(join(bindir, program), constants.X_OK);
  return Promise.all([executable("initdb"), executable("pg_ctl")]).then(
    () => true,
    () => false,
  );
}

async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  const entry = await run("getent", ["passwd", "postgres"]).catch(() => "");
  const [, , uid, gid] = entry.split(":");
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
}

/** Asks the system for a free port; another process could take it before the server does, which is unlikely. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

/** Reachable only from this machine; durability off, since the data is thrown away. */
function settings(dir: string, port: number): string {
  return `
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = '${dir}'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
shared_buffers = 128MB
`;
}

async function run(file: string, args: string[], cwd?: string): Promise<string> {
  const { stdout } = await promisify(execFile)(file, args, { cwd, env: realClockEnv() });
  return stdout;
}

/** The unit tests also run under libfaketime and odd time zones; the server keeps the real clock and zone. */
function realClockEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        name !== "LD_PRELOAD" && name !== "TZ" && name !== "FAKETIME" && !name.startsWith("FAKETIME_"),
    ),
  );
}
