import { randomBytes } from "node:crypto";
import type { OpenedStore, StoreFactory } from "../test-store-factories";
import { openPostgresStore } from "./postgres-store";
import { databaseUrl, runAsAdmin } from "./test-cluster";
import { testAdminUrl } from "./test-database";

let template: Promise<string> | undefined;

/**
 * A database with the schema already in place, migrated once per test process: new test databases are
 * copies of it, which takes a fraction of a second where migrating takes several.
 */
function migratedTemplate(adminUrl: string): Promise<string> {
  template ??= (async () => {
    const name = `eventdesk_template_${String(process.pid)}`;
    await runAsAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
    await runAsAdmin(adminUrl, `CREATE DATABASE ${name}`);
    const store = await openPostgresStore(databaseUrl(adminUrl, name));
    await store.close();
    return name;
  })();
  return template;
}

/** A new, empty, migrated database of its own on the test server, and its URL; `drop` removes it. */
export async function testDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `eventdesk_test_${randomBytes(6).toString("hex")}`;
  await runAsAdmin(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${await migratedTemplate(adminUrl)}`);
  return {
    url: databaseUrl(adminUrl, name),
    drop: () => runAsAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function openPostgresTestStore(adminUrl: string): Promise<OpenedStore & { url: string }> {
  const database = await testDatabase(adminUrl);
  let store = await openPostgresStore(database.url);
  return {
    url: database.url,
    get store() {
      return store;
    },
    connect: () => openPostgresStore(database.url),
    async reopen() {
      await store.close();
      store = await openPostgresStore(database.url);
      return store;
    },
    async remove() {
      await store.close();
      await database.drop();
    },
  };
}

/** The PostgreSQL backend on the test run's server, or undefined when the run has none (then it is skipped). */
export function postgresStoreFactory(): StoreFactory | undefined {
  const adminUrl = testAdminUrl();
  return adminUrl === undefined
    ? undefined
    : { name: "PostgreSQL", open: () => openPostgresTestStore(adminUrl) };
}
