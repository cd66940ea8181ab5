// `npm start`: bundles the server (a fraction of a second) and builds the dashboard when dist/web is missing
// or older than its sources, so a start after `git pull` never serves stale code.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

/** The newest modification time under `path` (a file or a folder), in ms. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

run(process.execPath, ["scripts/build-server.js"]);

const built = "dist/web/index.html";
const sources = ["src/web", "src/contract", "public", "index.html", "vite.config.ts"].filter(existsSync);
if (!existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs) {
  console.log("Building the dashboard…");
  run("npx", ["vite", "build"]);
}
