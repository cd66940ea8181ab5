import { apiBase } from "../src/contract/api-paths";
import { HttpClient } from "./http-client";
import { summarise, type LatencySummary } from "./stats";

export type IngestRun = {
  writers: number;
  eventsPerPost: number;
  /** Events the server acknowledged (201) per second of wall time. */
  eventsPerSecond: number;
  posts: LatencySummary;
  refused: number;
  /** What the server answered the first POST it refused, to tell a bench bug from an overloaded server. */
  firstRefusal: string | undefined;
};
export type IngestFigures = { single: IngestRun; bulk: IngestRun };

type IngestOptions = {
  baseUrl: string;
  token: string;
  orgId: number;
  containerIds: readonly string[];
  seconds: number;
  /** Bulk writing stops after this many events, so the run does not swell a small store tenfold. */
  maxBulkEvents: number;
};

const bulkSize = 1000;
const bulkWriters = 2;
const singleWriters = 10;

/**
 * Ingest throughput through the API: ten writers each posting one event at a time, then two writers posting
 * batches of 1,000 to the bulk endpoint. Every event is acknowledged durable before the writer sends the next.
 */
export async function measureIngest(options: IngestOptions): Promise<IngestFigures> {
  const single = await runWriters(options, singleWriters, 1, Number.POSITIVE_INFINITY);
  const bulk = await runWriters(options, bulkWriters, bulkSize, options.maxBulkEvents);
  return { single, bulk };
}

async function runWriters(
  options: IngestOptions,
  writers: number,
  eventsPerPost: number,
  maxEvents: number,
): Promise<IngestRun> {
  const samples: number[] = [];
  let acknowledged = 0;
  let refused = 0;
  let firstRefusal: string | undefined;
  let sequence = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const item = () => {
    sequence++;
    return {
      container_id: options.containerIds[sequence % options.containerIds.length] ?? "",
      event_type: "ACCESS",
      timestamp: new Date().toISOString(),
      status: sequence % 7 === 0 ? "FAILURE" : "SUCCESS",
      description: `bench ingest ${String(sequence)}`,
    };
  };
  const path = (containerId: string) =>
    eventsPerPost === 1
      ? `${apiBase}/orgs/${String(options.orgId)}/containers/${encodeURIComponent(containerId)}/events`
      : `${apiBase}/orgs/${String(options.orgId)}/container_events`;

  const writer = async () => {
    const client = new HttpClient(options.baseUrl);
    client.token = options.token;
    try {
      while (performance.now() < deadline && acknowledged < maxEvents) {
        const events = Array.from({ length: eventsPerPost }, item);
        const first = events[0];
        if (!first) return;
        const { container_id: containerId, ...single } = first;
        const body = JSON.stringify(eventsPerPost === 1 ? single : { events });
        const start = performance.now();
        const answer = await client.request(path(containerId), {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body,
        });
        samples.push(performance.now() - start);
        if (answer.status === 201) acknowledged += events.length;
        else {
          refused++;
          firstRefusal ??= `${String(answer.status)} ${answer.body.toString().slice(0, 200)}`;
        }
      }
    } finally {
      client.close();
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  const wallMs = performance.now() - started;
  return {
    writers,
    eventsPerPost,
    eventsPerSecond: (acknowledged * 1000) / wallMs,
    posts: summarise(samples, wallMs),
    refused,
    firstRefusal,
  };
}
