/* Webpack build of the Care Trust Calculator add-in.
 *
 * Adapted from Microsoft's generator-office template "Excel Custom Functions using a Shared
 * Runtime" (OfficeDev/Excel-Custom-Functions-Shared): one page (taskpane.html) loads both the task
 * pane and the custom functions, so they share one runtime. Differences from the template, and why:
 * - TypeScript through ts-loader with transpileOnly (type-checking is `npm run typecheck`), no
 *   Babel and no core-js polyfills: the code targets ES2020, which every Office that supports the
 *   shared runtime (WebView2, Safari/WKWebView, current browsers on the web) runs natively.
 * - The custom-function files are discovered (every src/functions/*.ts with @customfunction), and
 *   the same list is the `functions` entry and the metadata plugin's input.
 * - No async chunks, no chunk loading, no wasm or worker loading, globalThis for the global object:
 *   the bundles contain no code that fetches or evaluates anything (tests/build check this).
 * - The production URL comes from CARETRUST_PUBLIC_URL and replaces *every* https://localhost:3000/
 *   (the template replaced only the first), in the manifest, functions.json and the help pages.
 * - Help pages (dist/help/) are generated from functions.json at build time.
 * - The dev server reads office-addin-dev-certs' files directly (getHttpsServerOptions throws where
 *   the CA cannot be installed) and falls back to http with a warning.
 * - No source maps in production.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const { CONTENT_SECURITY_POLICY } = require("./scripts/common/csp");
const { DEV_URL, normalisePublicUrl, rewriteUrls } = require("./scripts/common/public-url");
const { renderHelpSite } = require("./scripts/common/help-pages");
const { customFunctionFiles } = require("./scripts/common/functions-files");
const { devServerHttpsOptions } = require("./scripts/common/dev-certs");

const ROOT = __dirname;
/** The functions' namespace; must equal the manifest's Functions.Namespace string (tests check). */
const NAMESPACE = "CARETRUST";
/** Fixed: the manifest names https://localhost:3000/. */
const DEV_PORT = 3000;
const DOCS_DIR = path.join(ROOT, "docs", "functions");
const HELP_CSS = path.join(ROOT, "src", "help", "help.css");

/** Emits help/index.html, help/<name>.html and help/help.css from the generated functions.json. */
class HelpPagesPlugin {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const name = "HelpPagesPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return; // the metadata plugin has already reported why
        const metadata = JSON.parse(asset.source.source().toString());

        const docs = {};
        let indexDoc;
        if (fs.existsSync(DOCS_DIR)) {
          compilation.contextDependencies.add(DOCS_DIR);
          for (const file of fs.readdirSync(DOCS_DIR).sort()) {
            if (!file.toLowerCase().endsWith(".md")) continue;
            const full = path.join(DOCS_DIR, file);
            compilation.fileDependencies.add(full);
            const key = file.slice(0, -3);
            const text = fs.readFileSync(full, "utf8");
            if (key.toLowerCase() === "index") indexDoc = text;
            else docs[key.toUpperCase()] = text;
          }
        } else {
          compilation.missingDependencies.add(DOCS_DIR);
        }

        const { pages, warnings } = renderHelpSite({
          metadata,
          namespace: this.options.namespace,
          csp: this.options.csp,
          version: this.options.version,
          docs,
          indexDoc,
        });
        for (const [file, html] of Object.entries(pages)) {
          compilation.emitAsset(`help/${file}`, new webpack.sources.RawSource(html));
        }
        compilation.fileDependencies.add(HELP_CSS);
        compilation.emitAsset("help/help.css", new webpack.sources.RawSource(fs.readFileSync(HELP_CSS)));
        for (const w of warnings) compilation.warnings.push(new webpack.WebpackError(`Help pages: ${w}`));
      });
    });
  }
}

/**
 * Production with CARETRUST_PUBLIC_URL: rewrites https://localhost:3000/ in every emitted text
 * asset not already rewritten (functions.json's help URLs, help pages), then fails the build if
 * any asset still names localhost:3000.
 */
class PublicUrlPlugin {
  constructor(publicUrl) {
    this.publicUrl = publicUrl;
  }

  apply(compiler) {
    const name = "PublicUrlPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, (assets) => {
        for (const file of Object.keys(assets)) {
          if (!/\.(json|xml|html|js|css|txt)$/.test(file)) continue;
          const text = compilation.getAsset(file).source.source().toString();
          if (text.includes(DEV_URL)) {
            compilation.updateAsset(file, new webpack.sources.RawSource(rewriteUrls(text, this.publicUrl)));
          }
          const after = compilation.getAsset(file).source.source().toString();
          if (/localhost:3000/.test(after)) {
            compilation.errors.push(new webpack.WebpackError(`${file} still names localhost:3000 after the production URL rewrite.`));
          }
        }
      });
    });
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const outDir = env.outDir ? path.resolve(env.outDir) : path.join(ROOT, "dist");
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;

  const functionFiles = customFunctionFiles();
  if (functionFiles.length === 0) {
    throw new Error("No custom functions found: no src/functions/*.ts file has a JSDoc @customfunction tag.");
  }

  const rawPublicUrl = env.CARETRUST_PUBLIC_URL || process.env.CARETRUST_PUBLIC_URL;
  const publicUrl = !dev && rawPublicUrl ? normalisePublicUrl(rawPublicUrl) : null;
  if (!dev && !serving && !publicUrl) {
    console.warn(
      `Note: CARETRUST_PUBLIC_URL is not set, so dist/manifest.xml points at ${DEV_URL} (for sideloading against \`npm start\`). ` +
        "Set it to the https address dist/ will be served from to build the production manifest.",
    );
  }

  const config = {
    mode: dev ? "development" : "production",
    context: ROOT,
    devtool: dev ? "source-map" : false,
    target: ["web", "es2020"],
    entry: {
      functions: functionFiles,
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: outDir,
      filename: "[name].js",
      clean: true,
      // Everything each page needs is in its entry bundles: no runtime loading of further code.
      asyncChunks: false,
      chunkLoading: false,
      wasmLoading: false,
      workerChunkLoading: false,
      environment: { globalThis: true, dynamicImport: false },
    },
    resolve: {
      extensions: [".ts", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // ES modules let webpack tree-shake and concatenate; tsconfig's commonjs is for Node.
              compilerOptions: { module: "es2020", sourceMap: dev },
            },
          },
        },
      ],
    },
    optimization: {
      // Self-contained bundles: functions.js works on its own, as the manifest's Script names it.
      splitChunks: false,
      runtimeChunk: false,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: functionFiles, output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        templateParameters: { contentSecurityPolicy: CONTENT_SECURITY_POLICY },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return publicUrl ? rewriteUrls(content.toString(), publicUrl) : content;
            },
          },
        ],
      }),
      new HelpPagesPlugin({ namespace: NAMESPACE, csp: CONTENT_SECURITY_POLICY, version }),
      ...(publicUrl ? [new PublicUrlPlugin(publicUrl)] : []),
    ],
  };

  if (serving) {
    const https = devServerHttpsOptions();
    if (!https) {
      console.warn(
        [
          "",
          "WARNING: no development certificate, so the dev server is using plain http on http://localhost:3000/.",
          "Office loads add-ins only over https: the manifest's https://localhost:3000/ URLs will not load.",
          "Run `npx office-addin-dev-certs install` (it writes ~/.office-addin-dev-certs/ and trusts its CA on Windows and macOS), then restart.",
          "",
        ].join("\n"),
      );
    }
    config.devServer = {
      port: DEV_PORT,
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
    };
  }

  return config;
};
