import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { chromium, type Browser } from "@playwright/test";

const chromiumPath = "/usr/bin/chromium";

/** The e2e run's flags, headless; the network flags keep Chromium off hosts this machine cannot reach. */
const chromiumFlags = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type Chromium = {
  /** The DevTools port, for Lighthouse. */
  port: number;
  /** Playwright, attached over the DevTools protocol to the same browser. */
  browser: Browser;
};

const startTimeoutMs = 30_000;

/** Why Chromium cannot be used here, or undefined when it can. */
export function chromiumMissing(): string | undefined {
  return existsSync(chromiumPath) ? undefined : `${chromiumPath} is missing (apt-get install chromium)`;
}

/**
 * Runs `use` with a fresh Chromium (own profile, DevTools on a free port) that Playwright is attached to, then
 * closes it. Started by the bench rather than by Playwright so Lighthouse can reach the same browser.
 */
export async function withChromium<T>(use: (browser: Chromium) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), "eventdesk-bench-chromium-"));
  const child = spawn(
    chromiumPath,
    [...chromiumFlags, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"], detached: true },
  );
  try {
    const endpoint = await devToolsEndpoint(child);
    const browser = await chromium.connectOverCDP(endpoint);
    try {
      return await use({ port: Number(new URL(endpoint).port), browser });
    } finally {
      await browser.close();
    }
  } finally {
    await stop(child);
    rmSync(profile, { recursive: true, force: true });
  }
}

function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    const timer = setTimeout(() => {
      reject(
        new Error(`Chromium did not open DevTools within ${startTimeoutMs / 1000} s.\n${output.join("\n")}`),
      );
    }, startTimeoutMs);
    if (!child.stderr) throw new Error("Chromium's stderr is not piped.");
    createInterface({ input: child.stderr }).on("line", (line) => {
      output.push(line);
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with code ${code} before listening.\n${output.join("\n")}`));
    });
  });
}

/** SIGTERM to Chromium's process group (the browser and its renderers), SIGKILL if it lingers. */
function stop(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      signalGroup(pid, "SIGKILL");
    }, 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    signalGroup(pid, "SIGTERM");
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
