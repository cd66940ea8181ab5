import type { HttpClient } from "./http-client";
import type { AggregateEntry } from "./live-aggregate-requests";
import type { LiveWriter } from "./live-writer";
import { summarise, type LatencySummary } from "./stats";

export type AggregateResult = {
  name: string;
  kind: AggregateEntry["kind"];
  /** The entry's first request; the samples take its other URLs in turn. */
  path: string;
  latency: LatencySummary;
  /** How many of the entry's URLs were asked (fewer than the samples when it has fewer URLs than samples). */
  distinctUrls: number;
  errors: number;
  firstError: string | undefined;
  samplesMs: number[];
};

const minSamples = 5;
const stopAfterErrors = 3;

/**
 * Phase C: the dashboard's facet and histogram requests, one client, one entry at a time for `seconds`;
 * every sample is sent right after the writer's next acknowledged POST (neither answer is cached by the
 * server, and its counts then include the rows just written), each entry's URLs in turn.
 */
export async function measureAggregates(
  entries: readonly AggregateEntry[],
  client: HttpClient,
  writer: LiveWriter,
  limits: { seconds: number; maxRuns: number },
): Promise<AggregateResult[]> {
  const results: AggregateResult[] = [];
  // As phase A's warm-up pass: a server's first facet request prepares its statements on each read thread
  // (SQLite 1M: 100 ms once, then 7–14 ms). The URL asked is the entry's last, the one its samples reach last.
  for (const entry of entries) {
    const path = entry.paths.at(-1);
    if (path !== undefined) await client.request(path, { headers: { accept: "application/json" } });
  }
  for (const entry of entries) {
    const samplesMs: number[] = [];
    let errors = 0;
    let firstError: string | undefined;
    const deadline = performance.now() + limits.seconds * 1000;
    while (samplesMs.length < limits.maxRuns && errors < stopAfterErrors) {
      if (performance.now() >= deadline && samplesMs.length >= minSamples) break;
      await writer.nextWrite();
      const path = entry.paths[(samplesMs.length + errors) % entry.paths.length] ?? "";
      const start = performance.now();
      const answer = await client.request(path, {
        headers: { accept: "application/json", "accept-encoding": "gzip" },
      });
      const ms = performance.now() - start;
      if (answer.status !== 200) {
        errors++;
        firstError ??= `GET ${path} answered ${String(answer.status)}: ${answer.body.toString().slice(0, 200)}`;
        continue;
      }
      samplesMs.push(ms);
    }
    const result: AggregateResult = {
      name: entry.name,
      kind: entry.kind,
      path: entry.paths[0] ?? "",
      latency: summarise(
        samplesMs,
        samplesMs.reduce((sum, ms) => sum + ms, 0),
      ),
      distinctUrls: Math.min(entry.paths.length, samplesMs.length + errors),
      errors,
      firstError,
      samplesMs,
    };
    results.push(result);
    const { latency } = result;
    console.log(
      `  ${entry.name.padEnd(40)} n ${String(latency.n).padStart(3)}  p50 ${latency.p50.toFixed(2).padStart(7)}` +
        `  p99 ${latency.p99.toFixed(2).padStart(7)}  max ${latency.max.toFixed(2).padStart(7)}` +
        (errors > 0 ? `  ${String(errors)} errors: ${firstError ?? ""}` : ""),
    );
  }
  return results;
}
