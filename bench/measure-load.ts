import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { z } from "zod";

export type LoadFigures = {
  tool: string;
  connections: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
};

type LoadRequest = { url: string; token: string; connections: number; seconds: number };

/**
 * Concurrent keep-alive clients on one URL for a few seconds. wrk (Debian's `wrk`) when it is installed:
 * written in C, it leaves more of the two cores to the server and measures latency finer; autocannon
 * otherwise, in a process of its own.
 */
export function measureLoad(request: LoadRequest): Promise<LoadFigures> {
  return hasWrk() ? runWrk(request) : runAutocannon(request);
}

function hasWrk(): boolean {
  return spawnSync("wrk", ["--version"], { encoding: "utf8" }).error === undefined;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${command} exited with ${code}: ${err}`));
    });
  });
}

const autocannonResult = z.object({
  requests: z.object({ average: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number() }),
  errors: z.number(),
  timeouts: z.number(),
  non2xx: z.number(),
});

async function runAutocannon({ url, token, connections, seconds }: LoadRequest): Promise<LoadFigures> {
  const cli = createRequire(import.meta.url).resolve("autocannon/autocannon.js");
  const out = await run(process.execPath, [
    cli,
    ...["-c", String(connections), "-d", String(seconds), "-j", "-n"],
    ...["-H", `authorization=Bearer ${token}`, "-H", "accept=application/json", "-H", "accept-encoding=gzip"],
    url,
  ]);
  const result = autocannonResult.parse(JSON.parse(out));
  return {
    tool: "autocannon",
    connections,
    seconds,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function runWrk({ url, token, connections, seconds }: LoadRequest): Promise<LoadFigures> {
  const out = await run("wrk", [
    ...["-t", "1", "-c", String(connections), "-d", `${seconds}s`, "--latency"],
    ...[
      "-H",
      `Authorization: Bearer ${token}`,
      "-H",
      "Accept: application/json",
      "-H",
      "Accept-Encoding: gzip",
    ],
    url,
  ]);
  const number = (pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? NaN);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? socket.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0;
  return {
    tool: "wrk",
    connections,
    seconds,
    rps: number(/Requests\/sec:\s+([\d.]+)/),
    p50: latencyMs(out, "50%"),
    p99: latencyMs(out, "99%"),
    errors: socketErrors + (number(/Non-2xx or 3xx responses:\s+(\d+)/) || 0),
  };
}

/** A line of wrk's latency distribution (`99%   12.34ms`) in milliseconds. */
function latencyMs(out: string, percentile: string): number {
  const match = new RegExp(`^\\s*${percentile}\\s+([\\d.]+)(us|ms|s)\\s*$`, "m").exec(out);
  if (!match) return NaN;
  const scale = { us: 0.001, ms: 1, s: 1000 }[match[2] as "us" | "ms" | "s"];
  return Number(match[1]) * scale;
}
