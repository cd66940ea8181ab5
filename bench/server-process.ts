import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";

export type ServerProcess = {
  url: string;
  pid: number;
  /** Peak resident set size so far (VmHWM), in bytes. */
  peakRss(): number;
  /** Current resident memory: total, anonymous (heap) and file-backed (mmap of the database), in bytes. */
  rss(): { total: number; anon: number; file: number };
  /** CPU time the process has used so far (user + system), in ms. */
  cpuMs(): number;
  /** Starts a new peak from the current RSS; false when the kernel refuses (then the peak is since start). */
  resetPeak(): boolean;
  /** What the server wrote to stderr since the last call (its logged errors). */
  takeLog(): string;
  stop(): Promise<void>;
};

const startTimeoutMs = 120_000;

/**
 * Runs the real server as `npm start` does (the bundle `scripts/build-server.js` makes, under plain node), as
 * its own process so its memory can be read from /proc.
 */
export async function startServerProcess(root: string, env: Record<string, string>): Promise<ServerProcess> {
  const bundled = spawnSync(process.execPath, ["scripts/build-server.js"], { cwd: root, stdio: "inherit" });
  if (bundled.status !== 0) throw new Error("Bundling the server failed.");
  // The flag as in package.json's `start`: a 4 MB young generation keeps a CSV export's peak RSS about 35 MB
  // lower (its rows are short-lived strings) at no measurable cost in rows/s or requests/s.
  const child = spawn(process.execPath, ["--max-semi-space-size=4", "dist/server/main.js"], {
    cwd: root,
    env: { ...process.env, ...env, PORT: "0", EVENTDESK_HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("The server process did not start.");
  const stderr: string[] = [];
  child.stderr.on("data", (chunk: Buffer) => {
    stderr.push(chunk.toString());
  });
  const url = await waitForUrl(child, stderr);
  const status = (field: string) => statusField(pid, field);
  return {
    url,
    pid,
    peakRss: () => status("VmHWM"),
    rss: () => ({ total: status("VmRSS"), anon: status("RssAnon"), file: status("RssFile") }),
    cpuMs: () => cpuMs(pid),
    resetPeak: () => {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, "5");
        return true;
      } catch {
        return false;
      }
    },
    takeLog: () => stderr.splice(0).join("").trim().slice(-2000),
    stop: () => stopChild(child),
  };
}

function waitForUrl(child: ChildProcess, stderr: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`The server did not start within ${startTimeoutMs / 1000} s.\n${stderr.join("")}`));
    }, startTimeoutMs);
    if (!child.stdout) throw new Error("The server's stdout is not piped.");
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      const match = /running at (http:\/\/\S+)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code} before listening.\n${stderr.join("")}`));
    });
  });
}

/** A `kB` field of /proc/<pid>/status, in bytes. */
function statusField(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match?.[1] ? Number(match[1]) * 1024 : NaN;
}

/** utime + stime of /proc/<pid>/stat (fields 14 and 15, after the parenthesised command), in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
}

let ticks: number | undefined;

/** The kernel's clock ticks per second (`getconf CLK_TCK`, 100 on Linux unless told otherwise). */
function clockTicks(): number {
  ticks ??= Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
  return ticks;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
