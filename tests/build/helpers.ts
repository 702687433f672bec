/**
 * Shared helpers for the build tests. These tests inspect dist/ as `npm run build` left it
 * (`npm test` runs the build before jest), plus the sources it was built from.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as csp from "../../scripts/common/csp";
import * as publicUrl from "../../scripts/common/public-url";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const DEV_BASE = "https://localhost:3000/";
export const NAMESPACE = "CARETRUST";

export { csp, publicUrl };
/** The production base the current dist/ was built for, if CARETRUST_PUBLIC_URL was set. */
export function builtBase(): string {
  const env = process.env.CARETRUST_PUBLIC_URL;
  return env ? publicUrl.normalisePublicUrl(env) : DEV_BASE;
}

/** Fails with a clear message when the build has not been run. */
export function requireDist(): string {
  const needed = ["manifest.xml", "functions.json", "functions.js", "taskpane.html"];
  const missing = needed.filter((f) => !fs.existsSync(path.join(DIST, f)));
  if (missing.length > 0) {
    throw new Error(
      `dist/ is missing ${missing.join(", ")}. Run \`npm run build\` first ` +
        "(`npm test` runs `npm run typecheck && npm run build && jest`).",
    );
  }
  return DIST;
}

export function readDist(rel: string): string {
  return fs.readFileSync(path.join(requireDist(), rel), "utf8");
}

/** Every file under dir, relative to it, with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

export interface FunctionParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters?: FunctionParameter[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

export function readFunctionsJson(dir = requireDist()): { functions: FunctionMetadata[] } {
  return JSON.parse(fs.readFileSync(path.join(dir, "functions.json"), "utf8"));
}

// ---- xmllint ----------------------------------------------------------------------------------

let xmllintChecked = false;
function ensureXmllint(): void {
  if (xmllintChecked) return;
  try {
    execFileSync("xmllint", ["--version"], { stdio: "pipe" });
  } catch {
    throw new Error("xmllint is not installed: `apt-get install -y libxml2-utils` (the manifest tests use it to parse XML).");
  }
  xmllintChecked = true;
}

/** xmllint --noout: throws with xmllint's message if the file is not well-formed XML. */
export function checkWellFormed(file: string): void {
  ensureXmllint();
  execFileSync("xmllint", ["--noout", "--nonet", file], { stdio: "pipe" });
}

/** Runs an XPath 1.0 expression; an empty node set gives "". */
export function xpath(file: string, expr: string): string {
  ensureXmllint();
  try {
    return execFileSync("xmllint", ["--nonet", "--xpath", expr, file], { stdio: "pipe", encoding: "utf8" });
  } catch (e) {
    const err = e as { status?: number; stderr?: string };
    if (err.status === 10) return ""; // XPath set is empty
    throw new Error(`xmllint --xpath ${expr} failed: ${err.stderr ?? e}`);
  }
}

export function xpathString(file: string, expr: string): string {
  return xpath(file, `string(${expr})`).trim();
}

export function xpathCount(file: string, expr: string): number {
  return Number(xpath(file, `count(${expr})`).trim());
}

function decodeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The values of the attributes an XPath selects (e.g. `//@resid`), in document order. */
export function attrValues(file: string, expr: string): string[] {
  const out = xpath(file, expr);
  return [...out.matchAll(/\s[\w.:-]+="([^"]*)"/g)].map((m) => decodeXml(m[1]));
}

/** Element names (local names) of the children of the element an XPath selects, in order. */
export function childNames(file: string, expr: string): string[] {
  const n = xpathCount(file, `${expr}/*`);
  const names: string[] = [];
  for (let i = 1; i <= n; i++) names.push(xpathString(file, `local-name(${expr}/*[${i}])`));
  return names;
}

/** XPath step for an element by local name, ignoring namespaces. */
export const el = (name: string) => `*[local-name()='${name}']`;

// ---- PNG ---------------------------------------------------------------------------------------

export function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!b.subarray(0, 8).equals(sig) || b.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

// ---- bundle checks ---------------------------------------------------------------------------

/** Network, code evaluation and script/frame injection, as they appear in (minified) JS. */
export const FORBIDDEN_IN_BUNDLES: [string, RegExp][] = [
  ["fetch(", /\bfetch\s*\(/],
  ["XMLHttpRequest", /XMLHttpRequest/],
  ["WebSocket", /WebSocket/],
  ["EventSource", /EventSource/],
  ["sendBeacon", /sendBeacon/],
  ["RTCPeerConnection", /RTCPeerConnection/],
  ["importScripts", /importScripts/],
  ["eval(", /(?<![\w$])eval\s*\(/],
  ["new Function", /new\s+Function\b/],
  ["Function(...) constructor call", /(?<![\w$.])Function\s*\(/],
  ["setTimeout/setInterval with a string", /set(?:Timeout|Interval)\s*\(\s*["'`]/],
  ["dynamic import()", /(?<![\w$.])import\s*\(/],
  ["createElement(script|iframe)", /createElement\s*\(\s*["'`](?:script|iframe|object|embed)/i],
  ["new Image()", /new\s+Image\s*\(/],
];

/** Which of the forbidden constructs a bundle's text contains. */
export function forbiddenIn(text: string): { label: string; at: string }[] {
  const found: { label: string; at: string }[] = [];
  for (const [label, re] of FORBIDDEN_IN_BUNDLES) {
    const m = re.exec(text);
    if (m) found.push({ label, at: text.slice(Math.max(0, m.index - 40), m.index + 40) });
  }
  return found;
}
