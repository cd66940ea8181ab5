import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { defaultConfig, type Config } from "./config";
import { demoEndMs, seedDemo } from "./demo/seed-demo";
import { createApp } from "./http/app";
import type { EventStore } from "./store/event-store";
import { openStore } from "./store/open-store";

export type RunningServer = {
  url: string;
  port: number;
  store: EventStore;
  /** Stops accepting, lets in-flight requests finish (up to a grace period), then closes the store. */
  close(): Promise<void>;
};

/** How long close() waits for in-flight requests (a long CSV export) before cutting them off. */
const closeGraceMs = 10_000;

export type StartOptions = Partial<Config> & {
  /** The server's clock (tokens, sign-in limits); tests pass one that does not follow the machine's. */
  now?: () => number;
  /** Where the demo world's 90 days end; by default the clock's current hour. */
  seedNowMs?: number;
  /** Rows per read of the store in a CSV export (tests make it small to cross many chunks). */
  exportChunkRows?: number;
  /** How often an idle live stream sends a comment (tests make it short). */
  liveHeartbeatMs?: number;
};

/**
 * Opens the store (seeding the demo world when it is empty), builds the app and listens. Defaults come from
 * `defaultConfig`, not the environment, except that it listens on 127.0.0.1 unless `host` is given; port 0
 * picks a free port.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const { now = Date.now, seedNowMs, exportChunkRows, liveHeartbeatMs, ...settings } = options;
  const config: Config = { ...defaultConfig, host: "127.0.0.1", ...settings };
  const store = await openStore(config, now);
  try {
    if (await store.isEmpty()) {
      const nowMs = seedNowMs ?? demoEndMs(now());
      await seedDemo(store, { events: config.seedEvents, password: config.demoPassword, nowMs });
    }
    const stopping = new AbortController();
    const app = await createApp({
      events: store,
      accounts: store,
      views: store,
      config,
      now,
      exportChunkRows,
      liveHeartbeatMs,
      shutdown: stopping.signal,
    });
    const server = createAdaptorServer({ fetch: app.fetch }) as Server;
    await listen(server, config.port, config.host);
    const { port } = server.address() as AddressInfo;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${urlHost(config.host)}:${port}`,
      port,
      store,
      close: () => {
        // Live streams never finish by themselves: they end first, so their connections can close.
        stopping.abort();
        return (closing ??= closeServer(server).finally(() => store.close()));
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.closeAllConnections();
    }, closeGraceMs);
    // A connection whose answer ends after this (a live stream ending) would otherwise be kept alive idle.
    const idle = setInterval(() => {
      server.closeIdleConnections();
    }, 100);
    server.close(() => {
      clearTimeout(force);
      clearInterval(idle);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** A host a client can dial: the wildcard addresses become loopback. */
function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}
