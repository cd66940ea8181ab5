import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startServerProcess, type ServerProcess } from "./server-process";
import { summarise } from "./stats";

/**
 * What open live streams cost the server and how fast they deliver: RSS, CPU and list latency with none and
 * with `--streams` idle streams, then the delay from each acknowledged POST (a writer at 20/s) to its arrival
 * on every stream. `npx tsx bench/measure-live-streams.ts [--events N] [--streams N] [--database-url URL]`
 */
const { values } = parseArgs({
  options: {
    events: { type: "string", default: "100000" },
    streams: { type: "string", default: "200" },
    "database-url": { type: "string" },
  },
});
const streamCount = Number(values.streams);
const dir = mkdtempSync(join(tmpdir(), "eventdesk-live-bench-"));
const server = await startServerProcess(process.cwd(), {
  EVENTDESK_DB: join(dir, "bench.db"),
  EVENTDESK_SEED_EVENTS: values.events,
  EVENTDESK_STREAMS_PER_USER: String(Math.max(10, streamCount)),
  ...(values["database-url"] ? { EVENTDESK_DATABASE_URL: values["database-url"] } : {}),
});
const api = `${server.url}/api/v1`;

try {
  const login = await fetch(`${api}/authenticate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin@acme.test", password: "demo" }),
  });
  const { auth_token: token } = (await login.json()) as { auth_token: string };
  const auth = { authorization: `Bearer ${token}` };

  const idle = await phase(server, "no streams", auth, 50);
  const arrivals = new Map<number, number[]>();
  const aborts = await Promise.all(
    Array.from({ length: streamCount }, () => openStream(`${api}/orgs/1/events/stream`, auth, arrivals)),
  );
  const streaming = await phase(server, `${String(streamCount)} idle streams`, auth, 51);

  const acknowledged = new Map<number, number>();
  const container = "c-0001";
  for (let i = 0; i < 200; i++) {
    const tick = new Promise((resolve) => setTimeout(resolve, 50));
    const posted = await fetch(`${api}/orgs/1/containers/${container}/events`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ event_type: "ACCESS", status: "SUCCESS", timestamp: new Date().toISOString() }),
    });
    const { id } = (await posted.json()) as { id: number };
    acknowledged.set(id, performance.now());
    await tick;
  }
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const delays: number[] = [];
  let missing = 0;
  for (const [id, ackAt] of acknowledged) {
    const times = arrivals.get(id) ?? [];
    missing += streamCount - times.length;
    delays.push(...times.map((at) => at - ackAt));
  }
  aborts.forEach((abort) => {
    abort();
  });
  const delivery = summarise(delays, 1);
  console.log(JSON.stringify({ idle, streaming }, null, 2));
  console.log(
    `delivery of ${String(acknowledged.size)} events to ${String(streamCount)} streams: ` +
      `p50 ${delivery.p50.toFixed(0)} ms, p99 ${delivery.p99.toFixed(0)} ms, max ${delivery.max.toFixed(0)} ms, ` +
      `${String(missing)} missing`,
  );
  console.log(server.takeLog());
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** RSS, CPU over 10 s doing nothing, and the latency of 200 distinct list pages. */
async function phase(process: ServerProcess, name: string, auth: Record<string, string>, perPage: number) {
  const cpuBefore = process.cpuMs();
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const idleCpuMs = process.cpuMs() - cpuBefore;
  const latencies: number[] = [];
  const started = performance.now();
  for (let page = 1; page <= 200; page++) {
    const at = performance.now();
    const reply = await fetch(`${api}/orgs/1/events?per_page=${String(perPage)}&page=${String(page)}`, {
      headers: auth,
    });
    await reply.arrayBuffer();
    latencies.push(performance.now() - at);
  }
  const lists = summarise(latencies, performance.now() - started);
  const { total, anon } = process.rss();
  return {
    name,
    rssMb: +(total / 2 ** 20).toFixed(1),
    anonMb: +(anon / 2 ** 20).toFixed(1),
    idleCpuMsPer10s: idleCpuMs,
    listP50Ms: +lists.p50.toFixed(2),
    listP99Ms: +lists.p99.toFixed(2),
  };
}

/** Opens a stream and records when each event id arrives; answers the abort. */
async function openStream(url: string, auth: Record<string, string>, arrivals: Map<number, number[]>) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { ...auth, accept: "text/event-stream" },
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body)
    throw new Error(`stream answered ${String(response.status)}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = "";
    for (;;) {
      const chunk = await reader.read().catch(() => undefined);
      if (!chunk || chunk.done) return;
      buffer += chunk.value;
      const complete = buffer.lastIndexOf("\n\n") + 2;
      for (const match of buffer.slice(0, complete).matchAll(/^id: (\d+)$/gm)) {
        const id = Number(match[1]);
        arrivals.set(id, [...(arrivals.get(id) ?? []), performance.now()]);
      }
      buffer = buffer.slice(complete);
    }
  })();
  return () => {
    controller.abort();
  };
}
