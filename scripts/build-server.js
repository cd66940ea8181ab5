// Bundles the API server into dist/server/main.js, which `npm start` runs with plain node: no TypeScript
// compiler in the serving process (tsx costs about 45 MB of RSS). Packages stay in node_modules.
import { build } from "esbuild";

await build({
  entryPoints: ["src/server/main.ts"],
  outfile: "dist/server/main.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
