// Bundles the API server into dist/server/main.js, which `npm start` runs with plain node: no TypeScript
// compiler in the serving process (tsx costs about 45 MB of RSS), and beside it read-worker.js, which the
// store's read threads run. Packages stay in node_modules.
import { build } from "esbuild";

await build({
  entryPoints: {
    main: "src/server/main.ts",
    "read-worker": "src/server/store/sqlite/read-worker.ts",
  },
  outdir: "dist/server",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
