import { apiBase, apiPaths } from "../src/contract/api-paths";
import type { NewContainerEvent } from "../src/contract/container";
import { HttpClient } from "./http-client";
import { summarise, type LatencySummary } from "./stats";

export type WriterFigures = {
  posts: LatencySummary;
  acknowledged: number;
  /** Acknowledged events per second of the phase's wall time (the writer aims at 20). */
  eventsPerSecond: number;
  refused: number;
  firstRefusal: string | undefined;
  /** Ticks sent late because the previous POST had not been answered when they came. */
  late: number;
};

type PhaseSamples = { ms: number[]; refused: number; late: number; startedAt: number; endedAt: number };

/** How long a reader waits for the next acknowledged write before it gives up on the writer. */
const ackTimeoutMs = 5000;

/**
 * One writer logging a container event through the API every `intervalMs`, as a device would, for as long as
 * the live bench reads. Readers `await nextWrite()` to send right after a commit the server has acknowledged,
 * so every cached answer and count is stale when their request arrives. POST latencies are kept per phase.
 */
export class LiveWriter {
  private readonly client: HttpClient;
  private readonly phases = new Map<string, PhaseSamples>();
  private phase: PhaseSamples;
  private waiting: (() => void)[] = [];
  private running = false;
  private loop: Promise<void> | undefined;
  private firstRefusal: string | undefined;
  private sequence = 0;

  constructor(
    baseUrl: string,
    token: string,
    private readonly orgId: number,
    private readonly containerIds: readonly string[],
    private readonly intervalMs: number,
  ) {
    if (containerIds.length === 0) throw new Error(`Organisation ${orgId} has no containers to write to.`);
    this.client = new HttpClient(baseUrl);
    this.client.token = token;
    this.phase = this.startPhase("start");
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** POSTs from now on count towards `name`. */
  enterPhase(name: string): void {
    this.phase.endedAt = performance.now();
    this.phase = this.startPhase(name);
  }

  /** Resolves when the server acknowledges (201) the next POST: its commit is done. */
  nextWrite(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(
            `No write was acknowledged for ${ackTimeoutMs} ms (${this.firstRefusal ?? "no answer"}).`,
          ),
        );
      }, ackTimeoutMs);
      this.waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Waits for the POST in flight; calling it again does nothing. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.loop;
    this.phase.endedAt = performance.now();
    this.client.close();
  }

  figures(name: string): WriterFigures | undefined {
    const phase = this.phases.get(name);
    if (!phase) return undefined;
    const wallMs = phase.endedAt - phase.startedAt;
    const acknowledged = phase.ms.length - phase.refused;
    return {
      posts: summarise(phase.ms, wallMs),
      acknowledged,
      eventsPerSecond: (acknowledged * 1000) / wallMs,
      refused: phase.refused,
      firstRefusal: this.firstRefusal,
      late: phase.late,
    };
  }

  private startPhase(name: string): PhaseSamples {
    const now = performance.now();
    const phase = { ms: [], refused: 0, late: 0, startedAt: now, endedAt: now };
    this.phases.set(name, phase);
    return phase;
  }

  /**
   * A fixed schedule: one POST per interval. A POST slower than the interval delays the next one (counted as
   * late); the writer never sends two at once or bursts to catch up.
   */
  private async run(): Promise<void> {
    let due = performance.now();
    while (this.running) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await this.post();
      due += this.intervalMs;
      const now = performance.now();
      if (now > due) {
        this.phase.late++;
        due = now;
      }
    }
  }

  private async post(): Promise<void> {
    this.sequence++;
    const containerId = this.containerIds[this.sequence % this.containerIds.length] ?? "";
    const event: NewContainerEvent = {
      event_type: "ACCESS",
      timestamp: new Date().toISOString(),
      status: this.sequence % 7 === 0 ? "FAILURE" : "SUCCESS",
      description: `live bench write ${String(this.sequence)}`,
    };
    const phase = this.phase;
    const start = performance.now();
    const answer = await this.client.request(
      `${apiBase}${apiPaths.containerEventList(this.orgId, containerId)}`,
      {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(event),
      },
    );
    phase.ms.push(performance.now() - start);
    if (answer.status !== 201) {
      phase.refused++;
      this.firstRefusal ??= `${String(answer.status)} ${answer.body.toString().slice(0, 200)}`;
      return;
    }
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }
}
