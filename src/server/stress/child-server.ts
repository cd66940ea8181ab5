import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

export const stressPassword = "stress-Pa55word-7f3c";

export type ChildServer = {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
};

/** Everything every child server wrote, so the run can check that no secret reached a log. */
export const childLogs: string[] = [];

const children = new Set<ChildProcess>();

/** Kills any child server a failed step left running. */
export function killLeftovers(): void {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/**
 * Starts `src/server/main.ts` as a real process on a free port and waits until it listens; `env` adds to or
 * overrides its environment (e.g. EVENTDESK_DATABASE_URL).
 */
export async function spawnServer(
  db: string,
  seedEvents: number,
  env: Record<string, string> = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: {
      ...process.env,
      PORT: "0",
      EVENTDESK_HOST: "127.0.0.1",
      EVENTDESK_DB: db,
      EVENTDESK_SEED_EVENTS: String(seedEvents),
      EVENTDESK_DEMO_PASSWORD: stressPassword,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const exited = once(child, "exit").then(([code]) => code as number | null);
  let output = "";
  const record = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output += text;
    childLogs.push(text);
  };
  child.stdout.on("data", record);
  child.stderr.on("data", record);
  const started = Date.now();
  for (;;) {
    const match = /running at (http:\/\/[^\s]+)/.exec(output);
    if (match?.[1]) {
      const url = match[1].replace(/\/$/, "");
      return { url, port: Number(new URL(url).port), child, exited };
    }
    if (child.exitCode !== null) throw new Error(`the server exited before listening:\n${output}`);
    if (Date.now() - started > 60_000) {
      child.kill("SIGKILL");
      throw new Error(`the server did not listen within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** SIGTERM, then the exit code; SIGKILL if it takes longer than `ms`. */
export async function stopServer(server: ChildServer, ms = 20_000): Promise<number | null> {
  if (server.child.exitCode !== null) return server.child.exitCode;
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), ms);
  const code = await server.exited;
  clearTimeout(timer);
  return code;
}
