import { rmSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig } from "./config";
import { demoEndMs, seedDemo } from "./demo/seed-demo";
import { openStore, storeLocation } from "./store/open-store";

const usage = "Usage: npm run seed -- [--events 100000] [--db ./data/eventdesk.db] [--fresh]";

function options() {
  const { values } = parseArgs({
    options: {
      events: { type: "string" },
      db: { type: "string" },
      fresh: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(
      `${usage}\n--fresh deletes the database file first; without it only an empty store is seeded.`,
    );
    process.exit(0);
  }
  const config = loadConfig();
  const events = values.events === undefined ? config.seedEvents : Number(values.events.replace(/_/g, ""));
  if (!Number.isSafeInteger(events) || events < 0)
    throw new Error(`--events must be a whole number. ${usage}`);
  const settings = { ...config, db: values.db ?? config.db };
  if (values.fresh && settings.databaseUrl !== undefined) {
    throw new Error(
      "--fresh deletes a SQLite file; for PostgreSQL, drop and create the database yourself (dropdb, createdb).",
    );
  }
  return { events, settings, fresh: values.fresh, password: config.demoPassword };
}

async function main() {
  const { events, settings, fresh, password } = options();
  const { db } = settings;
  if (fresh) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}${suffix}`, { force: true });
  const store = await openStore(settings, Date.now);
  const where = storeLocation(settings);
  try {
    const started = performance.now();
    if (!(await seedDemo(store, { events, password, nowMs: demoEndMs(Date.now()) }))) {
      console.error(`${where} already holds data. Run with --fresh to replace it.`);
      process.exitCode = 1;
      return;
    }
    const seconds = (performance.now() - started) / 1000;
    const size =
      settings.databaseUrl === undefined ? `, file ${(statSync(db).size / 1024 / 1024).toFixed(0)} MB` : "";
    console.log(
      `Seeded ${events.toLocaleString("en")} events into ${where} in ${seconds.toFixed(1)} s ` +
        `(${Math.round(events / seconds).toLocaleString("en")} events/s${size}).`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
