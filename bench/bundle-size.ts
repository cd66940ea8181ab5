import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export type BundleFigures = {
  files: { path: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
};

/** Builds the dashboard into `outDir` (not dist/web, which the e2e run and `npm start` may be using). */
export function buildDashboard(root: string, outDir: string): { ok: true } | { ok: false; message: string } {
  const vite = join(root, "node_modules/vite/bin/vite.js");
  const run = spawnSync(process.execPath, [vite, "build", "--outDir", outDir, "--emptyOutDir"], {
    cwd: root,
    encoding: "utf8",
  });
  if (run.status === 0) return { ok: true };
  return { ok: false, message: `${run.stdout}\n${run.stderr}`.trim().split("\n").slice(-15).join("\n") };
}

/**
 * The JavaScript a first visit downloads before the app can run: index.html's module entry scripts and its
 * modulepreload links, each gzipped with zlib's default level (what a server's gzip sends).
 */
export function initialJavaScript(outDir: string): BundleFigures {
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  const sources = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = attribute(tag, "src");
    if (src && attribute(tag, "type") === "module") sources.add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const href = attribute(tag, "href");
    if (href && attribute(tag, "rel") === "modulepreload") sources.add(href);
  }
  const files = [...sources].map((src) => {
    const content = readFileSync(join(outDir, src.replace(/^\//, "")));
    return { path: src, bytes: content.length, gzip: gzipSync(content).length };
  });
  return {
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
  };
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}=["']([^"']*)["']`).exec(tag)?.[1];
}
