import { apiBase, apiPaths } from "../src/contract/api-paths";
import { containerListSchema } from "../src/contract/container";
import { HttpClient } from "./http-client";
import { seedStore, storeSize, type SeedResult, type StoreSize } from "./seed-store";
import { startServerProcess, type ServerProcess } from "./server-process";
import {
  databaseFacts,
  targetEnv,
  targetLocation,
  type DatabaseFacts,
  type StoreTarget,
} from "./store-target";
import { formatMb } from "./targets";

/** Who the bench signs in as, and the organisation it reads and writes. */
export const benchUser = { username: "admin@acme.test", password: "bench-password", orgId: 1 } as const;

export type BenchServer = {
  seed: SeedResult;
  store: StoreSize;
  database: DatabaseFacts;
  server: ServerProcess;
  rssAfterStart: number;
  client: HttpClient;
  token: string;
};

/** Seeds the target (or reuses it), starts the server on it serving `staticDir`, and signs a client in. */
export async function startBenchServer(
  root: string,
  target: StoreTarget,
  events: number,
  staticDir: string,
): Promise<BenchServer> {
  console.log(`Seeding ${events.toLocaleString("en-US")} demo events into ${targetLocation(target)}…`);
  const seed = await seedStore(target, events, benchUser.password);
  console.log(seed.reused ? "  store reused (not seeded)" : `  seeded in ${seed.seconds?.toFixed(1)} s`);
  const store = await storeSize(target);
  const database = await databaseFacts(target);
  console.log(`  ${database.backend} ${database.version}, store on disk: ${formatMb(store.total)}`);
  const server = await startServerOn(root, target, staticDir);
  const rssAfterStart = server.rss().total;
  console.log(`Server pid ${server.pid} at ${server.url}, RSS ${formatMb(rssAfterStart)}`);
  const client = new HttpClient(server.url);
  try {
    await client.signIn(benchUser.username, benchUser.password);
  } catch (error) {
    client.close();
    await server.stop();
    throw error;
  }
  return { seed, store, database, server, rssAfterStart, client, token: client.token ?? "" };
}

/** A server process on the target as the bench runs it; on PostgreSQL, several may share the database. */
export function startServerOn(root: string, target: StoreTarget, staticDir: string): Promise<ServerProcess> {
  return startServerProcess(root, {
    ...targetEnv(target),
    EVENTDESK_DEMO_PASSWORD: benchUser.password,
    EVENTDESK_TOKEN_TTL: String(7 * 24 * 3600),
    EVENTDESK_STATIC_DIR: staticDir,
  });
}

/** The ids of every container in the organisation's reach, for writers to post to. */
export async function containerIdsOf(client: HttpClient, orgId: number): Promise<string[]> {
  const answer = await client.getJson(`${apiBase}${apiPaths.containers(orgId)}?per_page=1000`);
  return containerListSchema.parse(answer.body).map((container) => container.id);
}
