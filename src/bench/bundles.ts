/**
 * The size of each file the production build puts in dist/, raw and gzipped (zlib, level 9, as
 * a web server would send it compressed).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { fmtBytes } from "./measure";

export interface BundleSize {
  file: string;
  raw: number;
  gzip: number;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

export function bundleSizes(dist: string): BundleSize[] {
  return walk(dist)
    .filter((f) => /\.(js|html|json|css)$/.test(f) && !f.endsWith(".map"))
    .map((f) => {
      const buf = fs.readFileSync(f);
      return { file: path.relative(dist, f).split(path.sep).join("/"), raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
    })
    .sort((a, b) => b.raw - a.raw);
}

export function bundleBenchmarks(root: string, log: (line: string) => void): void {
  const dist = path.join(root, "dist");
  if (!fs.existsSync(dist)) {
    log("  not available yet: there is no dist/ folder. Run `npm run build` (the production build), then `npm run bench` again.");
    return;
  }
  const sizes = bundleSizes(dist);
  const scripts = sizes.filter((s) => s.file.endsWith(".js"));
  const others = sizes.filter((s) => !s.file.endsWith(".js"));
  const builtAt = fs.statSync(dist).mtime.toISOString().slice(0, 16).replace("T", " ");
  log(`  dist/ built ${builtAt} UTC`);
  for (const s of scripts) log(`  ${s.file.padEnd(28)} ${fmtBytes(s.raw).padStart(11)} raw  ${fmtBytes(s.gzip).padStart(11)} gzipped`);
  if (others.length > 0) {
    const raw = others.reduce((a, s) => a + s.raw, 0);
    const gz = others.reduce((a, s) => a + s.gzip, 0);
    const largest = others.slice(0, 3).map((s) => `${s.file} ${fmtBytes(s.raw)}`).join(", ");
    log(`  ${`${others.length} other files (html, json, css)`.padEnd(28)} ${fmtBytes(raw).padStart(11)} raw  ${fmtBytes(gz).padStart(11)} gzipped  (largest: ${largest})`);
  }
}
