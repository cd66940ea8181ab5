import { monitorEventLoopDelay } from "node:perf_hooks";
import { listHeaders } from "../src/contract/api-paths";
import { HttpClient, type HttpAnswer } from "./http-client";
import type { LiveRequest, UrlSource } from "./live-urls";
import type { LiveWriter } from "./live-writer";
import { summarise, type LatencySummary } from "./stats";
import { targetClass, type TargetClass, type TargetedClass } from "./live-targets";
import { entryPath, perPageOf } from "./matrix";

export type LiveEntryResult = {
  name: string;
  group: string;
  /** The entry's own request; the samples vary its page and, where it allows, its values. */
  path: string;
  perPage: number;
  targetClass: TargetClass;
  latency: LatencySummary;
  /** Samples whose filter the server had never counted: a whole count, not only the rows written since. */
  newCounts: number;
  /** The largest `x-total-count` seen. */
  rows: number;
  errors: number;
  firstError: string | undefined;
  /** Every URL this entry allows was asked before its time was up. */
  exhausted: boolean;
  samplesMs: number[];
};

export type LoadResult = {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  latency: LatencySummary;
  byClass: Record<TargetedClass, LatencySummary>;
  newCounts: number;
  errors: number;
  firstError: string | undefined;
  /** The bench's own event-loop delay over the run (it also times the writer's POSTs), p99 in ms. */
  benchLoopDelayP99: number;
  /** CPU time over the run, ms: the server's (one event loop: 1,000 ms a second is all it has) and the bench's. */
  cpuMs: { server: number; bench: number };
};

const minSamples = 5;
const delayResolutionMs = 10;
const stopAfterErrors = 3;

function send(client: HttpClient, request: LiveRequest): Promise<HttpAnswer> {
  return client.request(request.path, {
    headers: { accept: "application/json", ...(request.gzip ? { "accept-encoding": "gzip" } : {}) },
  });
}

const total = (answer: HttpAnswer) => Number(answer.headers[listHeaders.total]);
const failure = (request: LiveRequest, answer: HttpAnswer) =>
  `GET ${request.path} answered ${String(answer.status)}: ${answer.body.toString().slice(0, 200)}`;

/** One untimed request per entry, so the first entries measured do not pay for the server's JIT. */
export async function warmUp(client: HttpClient, sources: readonly UrlSource[]): Promise<void> {
  for (const source of sources) {
    const request = source.next();
    if (!request) continue;
    const answer = await send(client, request);
    if (answer.status === 200) source.learn(request, total(answer));
  }
}

/**
 * Phase A: one client, one entry at a time; every sample is sent right after the writer's next acknowledged
 * POST, so the server's cached pages and counts are all stale, and is a URL no request of the run used.
 */
export async function measureAfterWrites(
  sources: readonly UrlSource[],
  client: HttpClient,
  writer: LiveWriter,
  limits: { seconds: number; maxRuns: number },
): Promise<LiveEntryResult[]> {
  const results: LiveEntryResult[] = [];
  for (const source of sources) {
    const samplesMs: number[] = [];
    let newCounts = 0;
    let rows = 0;
    let errors = 0;
    let firstError: string | undefined;
    let exhausted = false;
    const deadline = performance.now() + limits.seconds * 1000;
    while (samplesMs.length < limits.maxRuns && errors < stopAfterErrors) {
      if (performance.now() >= deadline && samplesMs.length >= minSamples) break;
      await writer.nextWrite();
      const request = source.next();
      if (!request) {
        exhausted = true;
        break;
      }
      const start = performance.now();
      const answer = await send(client, request);
      const ms = performance.now() - start;
      if (answer.status !== 200) {
        errors++;
        firstError ??= failure(request, answer);
        continue;
      }
      source.learn(request, total(answer));
      rows = Math.max(rows, total(answer));
      samplesMs.push(ms);
      if (request.newCount) newCounts++;
    }
    const { entry } = source;
    const result: LiveEntryResult = {
      name: entry.name,
      group: entry.group,
      path: entryPath(entry),
      perPage: perPageOf(entry),
      targetClass: targetClass(entry),
      latency: summarise(
        samplesMs,
        samplesMs.reduce((sum, ms) => sum + ms, 0),
      ),
      newCounts,
      rows,
      errors,
      firstError,
      exhausted,
      samplesMs,
    };
    results.push(result);
    console.log(progressLine(result));
  }
  return results;
}

/**
 * Phase B: `connections` clients at once for `seconds`, each request the next URL of the next entry in turn
 * (entries × alternatives × pages), while the writer goes on writing. Client i asks server i mod n.
 */
export async function measureDistinctLoad(
  sources: readonly UrlSource[],
  baseUrls: readonly string[],
  token: string,
  options: { connections: number; seconds: number; serverCpuMs: () => number },
): Promise<LoadResult> {
  const all: number[] = [];
  const byClass: Record<TargetedClass, number[]> = { structured: [], substring: [] };
  let errors = 0;
  let newCounts = 0;
  let firstError: string | undefined;
  let turn = 0;
  const nextRequest = (): { source: UrlSource; request: LiveRequest } | undefined => {
    for (let tried = 0; tried < sources.length; tried++) {
      const source = sources[turn++ % sources.length];
      const request = source?.next();
      if (source && request) return { source, request };
    }
    return undefined;
  };
  const delay = monitorEventLoopDelay({ resolution: delayResolutionMs });
  delay.enable();
  const serverCpuStart = options.serverCpuMs();
  const benchCpuStart = process.cpuUsage();
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const client = async (_: unknown, i: number) => {
    const http = new HttpClient(baseUrls[i % baseUrls.length] ?? "");
    http.token = token;
    try {
      while (performance.now() < deadline) {
        const next = nextRequest();
        if (!next) {
          // Every URL left waits for a total another client is about to learn, or none is left at all.
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        const start = performance.now();
        try {
          const answer = await send(http, next.request);
          const ms = performance.now() - start;
          if (answer.status !== 200) {
            errors++;
            firstError ??= failure(next.request, answer);
            continue;
          }
          next.source.learn(next.request, total(answer));
          all.push(ms);
          const kind = targetClass(next.source.entry);
          if (kind !== "none") byClass[kind].push(ms);
          if (next.request.newCount) newCounts++;
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    } finally {
      http.close();
    }
  };
  await Promise.all(Array.from({ length: options.connections }, client));
  const wallMs = performance.now() - started;
  const benchCpu = process.cpuUsage(benchCpuStart);
  const cpuMs = {
    server: options.serverCpuMs() - serverCpuStart,
    bench: (benchCpu.user + benchCpu.system) / 1000,
  };
  delay.disable();
  const summary = (samples: number[]) => summarise(samples, wallMs);
  return {
    connections: options.connections,
    seconds: options.seconds,
    requests: all.length,
    rps: (all.length * 1000) / wallMs,
    latency: summary(all),
    byClass: { structured: summary(byClass.structured), substring: summary(byClass.substring) },
    newCounts,
    errors,
    firstError,
    // The histogram holds the time between ticks, the resolution included.
    benchLoopDelayP99: Math.max(0, delay.percentile(99) / 1e6 - delayResolutionMs),
    cpuMs,
  };
}

function progressLine(result: LiveEntryResult): string {
  const ms = (value: number) => (Number.isNaN(value) ? "—" : value.toFixed(2)).padStart(7);
  const { latency } = result;
  return (
    `  ${result.name.padEnd(36)} n ${String(latency.n).padStart(3)}  new counts ${String(result.newCounts).padStart(3)}` +
    `  p50 ${ms(latency.p50)}  p99 ${ms(latency.p99)}  max ${ms(latency.max)}` +
    (result.errors > 0 ? `  ${String(result.errors)} errors: ${result.firstError ?? ""}` : "")
  );
}
