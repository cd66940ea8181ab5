import { hashPassword } from "../auth/password";
import type { EventStore } from "../store/event-store";
import { demoEvents } from "./demo-events";
import { demoWorld } from "./demo-world";

const hourMs = 3_600_000;

/** The demo world ends at the start of the hour, so seeds made within one hour produce identical data. */
export const demoEndMs = (nowMs: number) => Math.floor(nowMs / hourMs) * hourMs;

export type SeedDemoOptions = {
  events: number;
  password: string;
  /** The end of the 90 days of events: the same `nowMs` and count give the same data. */
  nowMs: number;
};

/** Fills an empty store with the demo world and `events` generated events; false if it was not empty. */
export async function seedDemo(store: EventStore, options: SeedDemoOptions): Promise<boolean> {
  const world = demoWorld(await hashPassword(options.password), options.nowMs);
  return store.seed(world, demoEvents(world, options.events, options.nowMs));
}
