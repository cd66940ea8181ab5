import Database from "better-sqlite3";
import { cpus, totalmem } from "node:os";

export type MachineFacts = { cpus: number; cpuModel: string; memoryGb: number; node: string; sqlite: string };

/** What the figures were measured on: they only compare on the same machine. */
export function machine(): MachineFacts {
  const db = new Database(":memory:");
  const sqlite = db.prepare("SELECT sqlite_version()").pluck().get() as string;
  db.close();
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? "unknown CPU",
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    sqlite,
  };
}
