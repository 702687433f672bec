/**
 * The webpack configuration: the shape the shared-runtime template needs, runtime settings that
 * keep loader code out of the bundles whatever the source does, and the production URL rewrite.
 * Webpack itself runs in child processes.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { customFunctionFiles } from "../../scripts/common/functions-files";
import { normalisePublicUrl, rewriteUrls } from "../../scripts/common/public-url";
import { FunctionMetadata, ROOT, checkWellFormed, forbiddenIn, listFiles, requireDist } from "./helpers";

const RUN_FIXTURE = path.join(__dirname, "fixtures", "run-webpack.js");
const FIXTURE_ENTRY = path.join(__dirname, "fixtures", "runtime", "entry.ts");
const WEBPACK_CLI = require.resolve("webpack-cli/bin/cli.js");

interface PluginLike {
  constructor: { name: string };
  options?: Record<string, unknown>;
  userOptions?: Record<string, unknown>;
}
interface ConfigLike {
  mode: string;
  devtool: string | false;
  entry: Record<string, string | string[]>;
  output: Record<string, unknown>;
  optimization: Record<string, unknown>;
  plugins: PluginLike[];
  devServer?: unknown;
}

async function loadConfig(mode: "production" | "development"): Promise<ConfigLike> {
  const configure = (await import(path.join(ROOT, "webpack.config.js"))).default as (env: object, options: object) => Promise<ConfigLike>;
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    return await configure({ WEBPACK_BUILD: true }, { mode });
  } finally {
    warn.mockRestore();
  }
}

function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function withoutPublicUrl(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.CARETRUST_PUBLIC_URL;
  return env;
}

describe("webpack.config.js", () => {
  test("the functions entry and the metadata plugin's input are the same discovered list", async () => {
    const config = await loadConfig("production");
    const files = customFunctionFiles();
    expect(config.entry.functions).toEqual(files);
    const cf = config.plugins.find((p) => p.constructor.name === "CustomFunctionsMetadataPlugin");
    expect(cf?.options).toEqual({ input: files, output: "functions.json" });
  });

  test("one page loads both bundles (shared runtime)", async () => {
    const config = await loadConfig("production");
    const html = config.plugins.find((p) => p.constructor.name === "HtmlWebpackPlugin");
    expect(html?.userOptions?.filename).toBe("taskpane.html");
    expect(html?.userOptions?.chunks).toEqual(["functions", "taskpane"]);
    expect(Object.keys(config.entry).sort()).toEqual(["functions", "taskpane"]);
  });

  test("no runtime loading of code, self-contained bundles, source maps only in development", async () => {
    const prod = await loadConfig("production");
    expect(prod.output).toMatchObject({ asyncChunks: false, chunkLoading: false, wasmLoading: false, workerChunkLoading: false });
    expect(prod.output.environment).toMatchObject({ globalThis: true });
    expect(prod.optimization).toMatchObject({ splitChunks: false, runtimeChunk: false });
    expect(prod.devtool).toBe(false);
    expect(prod.devServer).toBeUndefined();
    const dev = await loadConfig("development");
    expect(dev.devtool).toBe("source-map");
  });

  test("source that asks for lazy chunks or the global object still builds to one bundle with no loader code", () => {
    const out = tmpDir("caretrust-fixture-");
    try {
      const json = execFileSync(process.execPath, [RUN_FIXTURE, out, FIXTURE_ENTRY], { cwd: ROOT, encoding: "utf8", env: withoutPublicUrl() });
      const bundles = JSON.parse(json) as Record<string, string>;
      expect(Object.keys(bundles)).toEqual(["fixture.js"]);
      expect(forbiddenIn(bundles["fixture.js"])).toEqual([]);
      // And the inlined "lazy" module still works.
      const sandbox: Record<string, unknown> = {};
      vm.createContext(sandbox);
      vm.runInContext(bundles["fixture.js"], sandbox);
      return (vm.runInContext("fixtureMain()", sandbox) as Promise<number>).then((v) => expect(v).toBe(41));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test("control: with webpack's default runtime settings the same source does produce loader code", () => {
    const out = tmpDir("caretrust-fixture-");
    try {
      const json = execFileSync(process.execPath, [RUN_FIXTURE, out, FIXTURE_ENTRY, "--webpack-defaults"], { cwd: ROOT, encoding: "utf8", env: withoutPublicUrl() });
      const bundles = JSON.parse(json) as Record<string, string>;
      const found = Object.values(bundles).flatMap((text) => forbiddenIn(text).map((f) => f.label));
      expect(found.length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("production URL (CARETRUST_PUBLIC_URL)", () => {
  test("normalisePublicUrl accepts an https base and ends it with /", () => {
    expect(normalisePublicUrl("https://addins.example.nhs.uk/caretrust")).toBe("https://addins.example.nhs.uk/caretrust/");
    expect(normalisePublicUrl(" https://addins.example.nhs.uk/ ")).toBe("https://addins.example.nhs.uk/");
    expect(normalisePublicUrl("https://example.org:8443/a/b/")).toBe("https://example.org:8443/a/b/");
  });

  test.each([
    ["http://addins.example.nhs.uk/", /https/],
    ["addins.example.nhs.uk", /not a URL/],
    ["https://addins.example.nhs.uk/?v=1", /query/],
    ["https://addins.example.nhs.uk/#x", /fragment/],
    ["https://user:pw@addins.example.nhs.uk/", /user name/],
    ["https://localhost:3000/", /production address/],
  ])("normalisePublicUrl rejects %s", (value, message) => {
    expect(() => normalisePublicUrl(value)).toThrow(message);
  });

  test("rewriteUrls replaces every occurrence, not just the first, and nothing else", () => {
    const text = 'a="https://localhost:3000/x.js" b="https://localhost:3000/help/y.html" c="https://localhost:3000/" d="https://localhost:30001/"';
    expect(rewriteUrls(text, "https://h.example/p/")).toBe(
      'a="https://h.example/p/x.js" b="https://h.example/p/help/y.html" c="https://h.example/p/" d="https://localhost:30001/"',
    );
    // "$&" in a URL is literal, not a replacement pattern.
    expect(rewriteUrls("https://localhost:3000/a", "https://h.example/$&/")).toBe("https://h.example/$&/a");
  });

  test("rewriteUrls on the real manifest leaves no localhost", () => {
    const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect((source.match(/https:\/\/localhost:3000\//g) ?? []).length).toBeGreaterThan(1);
    const out = rewriteUrls(source, "https://addins.example.nhs.uk/caretrust/");
    expect(out).not.toMatch(/localhost/);
  });

  test("a production build with CARETRUST_PUBLIC_URL rewrites every URL in the manifest, functions.json and help pages", () => {
    requireDist();
    const out = tmpDir("caretrust-prod-");
    const base = "https://addins.example.nhs.uk/caretrust/";
    try {
      execFileSync(process.execPath, [WEBPACK_CLI, "--mode", "production", "--env", `outDir=${out}`], {
        cwd: ROOT,
        env: { ...process.env, CARETRUST_PUBLIC_URL: "https://addins.example.nhs.uk/caretrust" },
        stdio: "pipe",
      });
      // Same files as the ordinary build.
      expect(listFiles(out)).toEqual(listFiles(requireDist()));
      for (const f of listFiles(out).filter((x) => /\.(xml|json|html|js|css)$/.test(x))) {
        expect({ f, localhost: /localhost/.test(fs.readFileSync(path.join(out, f), "utf8")) }).toEqual({ f, localhost: false });
      }
      const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
      expect(() => checkWellFormed(path.join(out, "manifest.xml"))).not.toThrow();
      const urls = [...manifest.replace(/<!--[\s\S]*?-->/g, "").matchAll(/https:\/\/[^"'<>\s]+/g)].map((m) => m[0]).filter((u) => !u.includes("schemas.microsoft.com"));
      expect(urls.length).toBeGreaterThanOrEqual(8);
      for (const u of urls) {
        expect(u.startsWith(base)).toBe(true);
        expect(fs.existsSync(path.join(out, u.slice(base.length)))).toBe(true);
      }
      const { functions } = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8")) as { functions: FunctionMetadata[] };
      for (const fn of functions) expect(fn.helpUrl).toBe(`${base}help/${fn.name.toLowerCase()}.html`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test("a production build refuses an http URL, saying why", () => {
    const out = tmpDir("caretrust-prod-");
    try {
      const r = spawnSync(process.execPath, [WEBPACK_CLI, "--mode", "production", "--env", `outDir=${out}`], {
        cwd: ROOT,
        env: { ...process.env, CARETRUST_PUBLIC_URL: "http://addins.example.nhs.uk/" },
        encoding: "utf8",
      });
      expect(r.status).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`).toMatch(/CARETRUST_PUBLIC_URL must use https/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
