"use strict";
/**
 * Renders the help site from the generated custom-functions metadata (functions.json):
 * help/index.html and one help/<name-lowercase>.html per function, with the function's
 * description, syntax, arguments (description, optional or required, value or range), what it
 * returns, and the worked example from docs/functions/<NAME>.md when there is one.
 *
 * Pure: data in, { fileName: html } out. The webpack build (HelpPagesPlugin in webpack.config.js)
 * feeds it and emits the pages into dist/help/; scripts/build-help.js does the same from a built
 * dist/functions.json.
 */

const { markdownToHtml, escapeHtml } = require("./markdown");

const DEV_HELP_BASE = "https://localhost:3000/help/";

/** help/<this> for a function name: "SALARY" -> "salary.html", "POOL.SHARE" -> "pool.share.html". */
function helpFileName(functionName) {
  return `${String(functionName).toLowerCase()}.html`;
}

/** The @helpurl every function should carry (before the production rewrite). */
function expectedHelpUrl(functionName) {
  return DEV_HELP_BASE + helpFileName(functionName);
}

const TYPE_WORDS = {
  number: ["a number", "numbers"],
  string: ["text", "text values"],
  boolean: ["TRUE or FALSE", "TRUE/FALSE values"],
  any: ["a value", "values"],
};

function typeWords(type) {
  return TYPE_WORDS[type] || TYPE_WORDS.any;
}

function describeParameterKind(p) {
  const [one, many] = typeWords(p.type);
  if (p.dimensionality === "matrix") return `a range of ${many}`;
  if (p.repeating) return `${one}, repeatable`;
  return one;
}

function describeResult(fn) {
  const result = fn.result || {};
  const [one, many] = typeWords(result.type);
  const spill = result.dimensionality === "matrix";
  let text = spill
    ? `A range of ${many}, spilled into the cells below and to the right of the formula (clear them first, or Excel shows #SPILL!).`
    : `${one[0].toUpperCase()}${one.slice(1)}.`;
  if (fn.options && fn.options.stream) text += " The result updates while the workbook is open.";
  if (fn.options && fn.options.volatile) text += " Recalculated on every change in the workbook.";
  text += " When an argument is wrong, the cell shows #VALUE! (or #N/A when the data has nothing for that year, band or point) with a message saying what to change.";
  return text;
}

function syntax(namespace, fn) {
  const params = fn.parameters || [];
  const args = params.map((p) => {
    let a = p.name;
    if (p.repeating) a = `${p.name}1, [${p.name}2], …`;
    return p.optional && !p.repeating ? `[${a}]` : a;
  });
  return `=${namespace}.${fn.name}(${args.join(", ")})`;
}

function page({ title, csp, body, version, cssHref = "help.css" }) {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(cssHref)}">
</head>
<body>
<header><a href="index.html">Care Trust Calculator: function help</a></header>
<main>
${body}
</main>
<footer>Care Trust Calculator${version ? ` ${escapeHtml(version)}` : ""}. It works entirely inside your workbook: it sends nothing anywhere.</footer>
</body>
</html>
`;
}

function functionPage(fn, ctx) {
  const full = `${ctx.namespace}.${fn.name}`;
  const params = fn.parameters || [];
  const rows = params
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td>` +
        `<td>${p.optional ? "Optional" : "Required"}</td>` +
        `<td>${escapeHtml(describeParameterKind(p))}</td>` +
        `<td>${escapeHtml(p.description || "")}</td></tr>`,
    )
    .join("\n");
  const paramsHtml = params.length
    ? `<table class="params">
<thead><tr><th>Argument</th><th>Required?</th><th>Takes</th><th>Description</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : "<p>This function takes no arguments.</p>";
  const example = ctx.docs[fn.name];
  const exampleHtml = example
    ? `<section class="example">\n<h2>Worked example</h2>\n${markdownToHtml(example, { headingOffset: 1 })}\n</section>`
    : "";
  const body = `<h1><code>${escapeHtml(full)}</code></h1>
<p class="description">${escapeHtml(fn.description || "")}</p>
<h2>Syntax</h2>
<pre><code>${escapeHtml(syntax(ctx.namespace, fn))}</code></pre>
<p class="note">Arguments in [square brackets] are optional: leave them out, or leave them empty.</p>
<h2>Arguments</h2>
${paramsHtml}
<h2>Returns</h2>
<p>${escapeHtml(describeResult(fn))}</p>
${exampleHtml}
<p class="back"><a href="index.html">All functions</a></p>`;
  return page({ title: `${full}: Care Trust Calculator help`, csp: ctx.csp, body, version: ctx.version });
}

function indexPage(functions, ctx) {
  const rows = functions
    .map(
      (fn) =>
        `<tr><td><a href="${escapeHtml(helpFileName(fn.name))}"><code>${escapeHtml(`${ctx.namespace}.${fn.name}`)}</code></a></td>` +
        `<td>${escapeHtml(fn.description || "")}</td></tr>`,
    )
    .join("\n");
  const intro = ctx.indexDoc ? markdownToHtml(ctx.indexDoc, { headingOffset: 1 }) : "";
  const body = `<h1>Care Trust Calculator functions</h1>
<p>Type these in a cell as <code>=${escapeHtml(ctx.namespace)}.NAME(…)</code>. Each page gives the arguments, what the function returns and, where there is one, a worked example.</p>
${intro}
<table class="functions">
<thead><tr><th>Function</th><th>What it does</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return page({ title: "Care Trust Calculator: function help", csp: ctx.csp, body, version: ctx.version });
}

/**
 * @param {{
 *   metadata: { functions: Array<{ id: string, name: string, description?: string, helpUrl?: string,
 *     parameters?: Array<{ name: string, description?: string, type?: string, dimensionality?: string, optional?: boolean, repeating?: boolean }>,
 *     result?: { type?: string, dimensionality?: string }, options?: Record<string, boolean> }> },
 *   namespace: string, csp: string, version?: string,
 *   docs?: Record<string, string>, indexDoc?: string
 * }} input docs: worked examples in Markdown, keyed by function name (upper case)
 * @returns {{ pages: Record<string, string>, warnings: string[] }} pages keyed by file name within help/
 */
function renderHelpSite(input) {
  const functions = [...(input.metadata.functions || [])].sort((a, b) => a.name.localeCompare(b.name));
  const ctx = {
    namespace: input.namespace,
    csp: input.csp,
    version: input.version,
    docs: input.docs || {},
    indexDoc: input.indexDoc,
  };
  const pages = { "index.html": indexPage(functions, ctx) };
  const warnings = [];
  for (const fn of functions) {
    const file = helpFileName(fn.name);
    if (pages[file]) warnings.push(`Two functions share the help page help/${file}.`);
    pages[file] = functionPage(fn, ctx);
    if (fn.helpUrl !== expectedHelpUrl(fn.name)) {
      warnings.push(`${fn.name}: add "@helpurl ${expectedHelpUrl(fn.name)}" to its JSDoc${fn.helpUrl ? ` (it has ${fn.helpUrl})` : ""}.`);
    }
  }
  const known = new Set(functions.map((f) => f.name));
  for (const name of Object.keys(ctx.docs)) {
    if (!known.has(name)) warnings.push(`docs/functions/${name}.md has no matching function ${input.namespace}.${name}.`);
  }
  return { pages, warnings };
}

module.exports = { renderHelpSite, helpFileName, expectedHelpUrl, DEV_HELP_BASE, syntax };
