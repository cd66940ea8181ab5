import { hashPassword } from "../auth/password";
import type { EventStore } from "../store/event-store";
import { demoEvents } from "./demo-events";
import { demoWorld } from "./demo-world";

const hourMs = 60 * 60 * 1000;

export type SeedDemoOptions = {
  events: number;
  password: string;
  /**
   * The end of the 90 days of events. Defaults to the current time floored to the hour, so seeds made
   * within the same hour produce identical data.
   */
  nowMs?: number;
};

/** Fills an empty store with the demo world and `events` generated events. */
export async function seedDemo(store: EventStore, options: SeedDemoOptions): Promise<void> {
  const nowMs = options.nowMs ?? Math.floor(Date.now() / hourMs) * hourMs;
  const world = demoWorld(await hashPassword(options.password), nowMs);
  store.seed(world, demoEvents(world, options.events, nowMs));
}
