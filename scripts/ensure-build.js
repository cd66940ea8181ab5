// Builds the dashboard once, so `npm start` serves it; later starts skip the build.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("dist/web/index.html")) {
  console.log("Building the dashboard (dist/web is missing)…");
  const result = spawnSync("npx", ["vite", "build"], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
