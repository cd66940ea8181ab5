import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { postgresUrlVariable } from "../fixtures/postgres-database";

const script = fileURLToPath(new URL("cluster-process.ts", import.meta.url));
const tsx = import.meta.resolve("tsx");

/**
 * Starts a throwaway PostgreSQL server for the run's "on PostgreSQL" project and hands its URL to the workers
 * in the environment ("" when there is none: those tests are skipped). The server belongs to a process of its
 * own, detached so that Ctrl-C reaches only the runner: the teardown ends it, and so does the runner's death.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, ["--import", tsx, script], {
    detached: true,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = once(child, "exit");
  let output = "";
  const adminUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("\n")) resolve(output.trim());
    });
    void exited.then(([code]) => {
      reject(new Error(`The e2e PostgreSQL server did not start (exit code ${String(code)}); see above.`));
    });
  });
  process.env[postgresUrlVariable] = adminUrl;
  return async () => {
    child.stdin.end();
    await exited;
  };
}
