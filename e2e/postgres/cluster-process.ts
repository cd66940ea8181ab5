import { startTestCluster } from "../../src/server/store/postgres/test-cluster";

/*
 * Owns the e2e run's PostgreSQL server (see global-setup.ts): prints its superuser URL on a line of its own (an
 * empty line when there is none), then stops it and deletes its data when standard input ends — the runner
 * closes it, or dies, even killed — or on a signal.
 */

const started = startTestCluster();
let stopping = false;

function stop(): void {
  if (stopping) return;
  stopping = true;
  started
    .then((cluster) => cluster?.stop())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("The e2e PostgreSQL server did not stop cleanly:", error);
        process.exit(1);
      },
    );
}

process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
process.stdout.on("error", stop);
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, stop);

const cluster = await started;
process.stdout.write(`${cluster?.adminUrl ?? ""}\n`);
