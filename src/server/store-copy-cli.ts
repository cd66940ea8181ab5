import { copyArguments, usage } from "./store/copy/copy-arguments";
import { TargetNotEmptyError } from "./store/copy/copy-into-postgres";
import { progressBar } from "./store/copy/progress";
import { storeCopy } from "./store/copy/store-copy";
import { verificationTable } from "./store/copy/verification-table";

/** The URL without its password, for messages. */
function shown(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== "") parsed.password = "***";
  return parsed.href;
}

async function main() {
  const args = copyArguments(process.argv.slice(2));
  if (args.help) {
    console.log(usage);
    return;
  }
  const { from, to } = args;
  const started = performance.now();
  const step = (message: string) => {
    console.error(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
  };
  step(`Copying ${from} into ${shown(to)}.`);
  const result = await storeCopy(from, to, {
    step,
    progress: (total) => progressBar(total, process.stderr),
  }).catch((error: unknown) => {
    if (error instanceof TargetNotEmptyError) throw new Error(`${shown(to)}: ${error.message}`);
    throw error;
  });
  const events = result.copied.events ?? 0;
  const others = Object.values(result.copied).reduce((sum, n) => sum + n, 0) - events;
  console.log(verificationTable(result.checks));
  console.log(
    `Copied ${events.toLocaleString("en")} events and ${others.toLocaleString("en")} other rows in ` +
      `${result.copySeconds.toFixed(1)} s (${Math.round(events / result.copySeconds).toLocaleString("en")} events/s); ` +
      `verified in ${result.verifySeconds.toFixed(1)} s.`,
  );
  const differing = result.checks.filter((check) => !check.same).map((check) => check.table);
  if (differing.length > 0) {
    console.error(
      `The copy differs from the SQLite store in: ${differing.join(", ")}. Do not switch to it: drop the ` +
        "database, create it again and rerun the copy; if it differs again, report it with this table.",
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
