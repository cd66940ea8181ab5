import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { childLogs, killLeftovers } from "./child-server";
import { concurrentStart } from "./concurrent-start";
import { crashUnderLoad, type CrashFigures } from "./crash-load";
import { fullDisk, mountUnavailable, readOnlyStore } from "./disk-trouble";
import { gracefulShutdown } from "./graceful-shutdown";
import { figures, issuedSecrets } from "./stress-client";

const results: boolean[] = [];
let skipped = 0;

async function step(name: string, body: () => Promise<string>): Promise<void> {
  const started = Date.now();
  try {
    const detail = await body();
    results.push(true);
    console.log(`ok   ${name} (${String(Date.now() - started)} ms): ${detail}`);
  } catch (error) {
    results.push(false);
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.log(`FAIL ${name} (${String(Date.now() - started)} ms)\n${text}`);
  }
}

const work = mkdtempSync(join(tmpdir(), "eventdesk-stress-"));
let crash: CrashFigures | undefined;

await step("crash under load: every acknowledged event survives kill -9 exactly once", async () => {
  crash = await crashUnderLoad(join(work, "crash.db"));
  return `acknowledged ${String(crash.acknowledged)}, found ${String(crash.found)}; unanswered ${String(crash.unknown)} (of which stored ${String(crash.unknownFound)})`;
});

await step("graceful shutdown: SIGTERM mid-export", () => gracefulShutdown(join(work, "shutdown.db")));

await step("two servers starting on one new store: one seeds, the other waits and serves", () =>
  concurrentStart(join(work, "concurrent.db")),
);

const mountPoint = join(work, "mnt");
mkdirSync(mountPoint);
const cannotMount = mountUnavailable(mountPoint);
if (cannotMount === undefined) {
  const folder = (name: string) => {
    mkdirSync(join(mountPoint, name));
    return join(mountPoint, name);
  };
  await step("read-only store", () => readOnlyStore(folder("read-only")));
  await step("full disk", () => fullDisk(folder("full")));
} else {
  skipped += 2;
  console.log(`SKIP read-only store and full disk: ${cannotMount}`);
}

await step("no token or password in the server logs", () => {
  const logs = childLogs.join("");
  assert.ok(logs.includes("running at"), "the logs were captured");
  for (const secret of issuedSecrets) assert.ok(!logs.includes(secret), "a secret appears in the logs");
  return Promise.resolve(
    `${String(issuedSecrets.size)} secrets checked against ${String(logs.length)} bytes of logs`,
  );
});

await step("no 5xx other than 503 for a disk at fault, and no hung request", () => {
  assert.equal(figures.serverErrors, 0, "5xx answers");
  assert.equal(figures.hangs, 0, "requests that hung");
  return Promise.resolve("none");
});

killLeftovers();
rmSync(work, { recursive: true, force: true });
const passed = results.filter(Boolean).length;
const failed = results.length - passed;
console.log(
  `stress figures: requests sent ${String(figures.requests)}, 5xx seen ${String(figures.serverErrors)}, ` +
    `events acknowledged ${String(crash?.acknowledged ?? "n/a")} vs found after the crash ${String(crash?.found ?? "n/a")}, ` +
    `fuzz cases under load ${String(figures.fuzzCases)}`,
);
console.log(`stress: ${String(passed)} passed, ${String(failed)} failed, ${String(skipped)} skipped`);
process.exit(failed === 0 ? 0 : 1);
