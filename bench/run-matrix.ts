import type { AccountStore } from "../src/server/store/account-store";
import type { EventStore } from "../src/server/store/event-store";
import type { HttpClient } from "./http-client";
import { entryPath, perPageOf, type MatrixEntry } from "./matrix";
import { measureHttpEntry } from "./measure-http";
import { countForgetter, measureStoreEntry } from "./measure-store";
import { isMeasured, type EntryResult, type MeasuredEntry } from "./results";
import type { SampleLimits } from "./stats";
import type { StoreTarget } from "./store-target";
import { entryMeetsP99, formatMs } from "./targets";

const warmUpRequests = 2;

export type MatrixLimits = { warm: SampleLimits; cold: SampleLimits };

/**
 * Every entry five ways: over HTTP repeated and after a write, then straight from the store (`direct`, in
 * this process) the same two ways and on a store of `target` just opened. `writer` commits the harmless writes
 * that make the server's and `direct`'s caches forget.
 */
export async function runMatrix(
  matrix: readonly MatrixEntry[],
  io: {
    client: HttpClient;
    target: StoreTarget;
    direct: EventStore;
    writer: AccountStore;
    serverLog: () => string;
  },
  limits: MatrixLimits,
): Promise<EntryResult[]> {
  const forget = countForgetter(io.writer);
  const cold = { ...limits.cold, warmup: 0, before: forget };
  await warmUp(io.client, matrix);
  const results: EntryResult[] = [];
  for (const entry of matrix) {
    const head = { name: entry.name, group: entry.group, path: entryPath(entry), perPage: perPageOf(entry) };
    try {
      const http = await measureHttpEntry(io.client, entry, limits.warm);
      const httpCold = await measureHttpEntry(io.client, entry, cold);
      const direct = await measureStoreEntry(io.direct, io.target, entry, forget, {
        warm: limits.warm,
        cold: limits.cold,
      });
      if (direct.total !== http.total) {
        console.warn(`  ${entry.name}: HTTP counted ${http.total}, the store ${direct.total}`);
      }
      const measured: MeasuredEntry = { ...head, http, httpCold, direct };
      results.push(measured);
      console.log(progressLine(measured));
    } catch (error) {
      const message = `${error instanceof Error ? error.message : String(error)}\n${io.serverLog()}`.trim();
      console.warn(`  ${entry.name}: FAILED ${message}`);
      results.push({ ...head, error: message });
    }
  }
  return results;
}

/** A pass over every entry first, so the first entries measured do not pay for the server's JIT warm-up. */
async function warmUp(client: HttpClient, matrix: readonly MatrixEntry[]): Promise<void> {
  for (const entry of matrix) {
    for (let i = 0; i < warmUpRequests; i++) {
      await client.request(entryPath(entry), {
        headers: { accept: "application/json", "accept-encoding": "gzip" },
      });
    }
  }
}

/** The entries worth a query plan: every one that misses the p99 target, and the slowest few besides. */
export function slowEntries(results: readonly EntryResult[], slowest: number): EntryResult[] {
  const measured = results.filter(isMeasured);
  const missing = measured.filter(
    (entry) =>
      entryMeetsP99(entry.http.p99, entry) === false || entryMeetsP99(entry.httpCold.p99, entry) === false,
  );
  const byCold = [...measured].sort((a, b) => b.httpCold.p50 - a.httpCold.p50).slice(0, slowest);
  return [...new Set([...missing, ...byCold])];
}

function progressLine({ name, http, httpCold, direct }: MeasuredEntry): string {
  const ms = (value: number) => formatMs(value).padStart(6);
  return (
    `  ${name.padEnd(36)} rows ${String(http.total).padStart(8)}  HTTP p50 ${ms(http.p50)} p99 ${ms(http.p99)}` +
    `  cold p99 ${ms(httpCold.p99)}  store p50 ${ms(direct.warm.p50)} cold ${ms(direct.cold.p50)}` +
    ` first ${ms(direct.first.p50)}`
  );
}
