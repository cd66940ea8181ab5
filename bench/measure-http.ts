import { listHeaders } from "../src/contract/api-paths";
import type { HttpClient } from "./http-client";
import { entryPath, type MatrixEntry } from "./matrix";
import { sampleSequentially, type LatencySummary, type SampleLimits } from "./stats";

export type HttpFigures = LatencySummary & { total: number; bytes: number };

/**
 * One client, one request at a time over a keep-alive socket: latency as a person paging the table sees
 * it. Pass `limits.before` to make every request pay for what a repeated one skips (see `countForgetter`).
 */
export async function measureHttpEntry(
  client: HttpClient,
  entry: MatrixEntry,
  limits: SampleLimits,
): Promise<HttpFigures> {
  const path = entryPath(entry);
  const headers = {
    accept: "application/json",
    ...(entry.gzip === false ? {} : { "accept-encoding": "gzip" }),
  };
  let total = NaN;
  let bytes = 0;
  const summary = await sampleSequentially(async () => {
    const answer = await client.request(path, { headers });
    if (answer.status !== 200) {
      throw new Error(
        `${entry.name}: GET ${path} answered ${answer.status}: ${answer.body.toString().slice(0, 200)}`,
      );
    }
    total = Number(answer.headers[listHeaders.total]);
    bytes = answer.body.length;
  }, limits);
  return { ...summary, total, bytes };
}
