import { randomUUID } from "node:crypto";
import pg from "pg";
import { assert, expect, it } from "vitest";
import { databaseUrl, startTestCluster } from "./test-cluster";
import { testAdminUrl } from "./test-database";

const adminUrl = testAdminUrl() ?? "";
const ownServer = adminUrl !== "" && !process.env.EVENTDESK_TEST_DATABASE_URL;

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

it.skipIf(!adminUrl)(
  `creates a database, queries it and drops it${adminUrl ? "" : " (SKIPPED: no PostgreSQL server)"}`,
  async () => {
    const name = `eventdesk_test_${randomUUID().replaceAll("-", "")}`;
    await query(adminUrl, `CREATE DATABASE "${name}"`);
    try {
      expect(await query(databaseUrl(adminUrl, name), "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await query(adminUrl, `DROP DATABASE "${name}"`);
    }
  },
);

it.skipIf(!ownServer)(
  `restart() brings the server back${ownServer ? "" : " (SKIPPED: only on a server the tests start)"}`,
  async () => {
    const cluster = await startTestCluster();
    assert(cluster, "the global setup found server binaries, so this start should too");
    try {
      const startedAt = "SELECT pg_postmaster_start_time()::text AS at";
      const before = await query(cluster.adminUrl, startedAt);
      await cluster.restart();
      expect(await query(cluster.adminUrl, startedAt)).not.toEqual(before);
    } finally {
      await cluster.stop();
    }
  },
);
