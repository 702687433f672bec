/**
 * Help pages: one per function under dist/help/, generated from functions.json (and the worked
 * example in docs/functions/<NAME>.md when there is one), plus the index. And the small Markdown
 * renderer behind the worked examples: it escapes everything and links only to safe places.
 */
import * as fs from "fs";
import * as path from "path";
import { markdownToHtml } from "../../scripts/common/markdown";
import { HelpFunction, helpFileName, renderHelpSite, syntax } from "../../scripts/common/help-pages";
import { NAMESPACE, ROOT, csp, readFunctionsJson, requireDist } from "./helpers";

/** Text of a page with tags removed and entities decoded, whitespace collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("help pages in dist/help", () => {
  test("each function's page gives its syntax, every argument with its description, and what it returns", () => {
    const dist = requireDist();
    const { functions } = readFunctionsJson();
    expect(fs.existsSync(path.join(dist, "help", "help.css"))).toBe(true);
    for (const fn of functions) {
      const html = fs.readFileSync(path.join(dist, "help", helpFileName(fn.name)), "utf8");
      const text = textOf(html);
      expect(html).toMatch(/<html[^>]*\blang=("|')?en-GB/);
      expect(html).toMatch(/href=("|')?help\.css/);
      expect(text).toContain(`${NAMESPACE}.${fn.name}`);
      expect(text).toContain(syntax(NAMESPACE, fn));
      expect(text).toContain(fn.description ?? "");
      for (const p of fn.parameters ?? []) {
        expect(text).toContain(p.name);
        expect(text).toContain(p.description ?? "");
      }
      expect(text).toMatch(/Returns/);
      const doc = path.join(ROOT, "docs", "functions", `${fn.name}.md`);
      if (fs.existsSync(doc)) expect(text).toContain("Worked example");
    }
  });

  test("the index links to every function's page", () => {
    const html = fs.readFileSync(path.join(requireDist(), "help", "index.html"), "utf8");
    for (const fn of readFunctionsJson().functions) {
      expect(html).toMatch(new RegExp(`href=("|')?${helpFileName(fn.name).replace(/\./g, "\\.")}`));
    }
  });
});

describe("renderHelpSite", () => {
  const fn: HelpFunction = {
    id: "POOL.SHARE",
    name: "POOL.SHARE",
    description: "A partner's share of a <pool>.",
    helpUrl: "https://localhost:3000/help/pool.share.html",
    parameters: [
      { name: "total", description: "The pool in £.", type: "number" },
      { name: "contributions", description: "Each partner's contribution.", type: "number", dimensionality: "matrix" },
      { name: "year", description: "Financial year.", type: "any", optional: true },
    ],
    result: { type: "number", dimensionality: "matrix" },
  };

  test("syntax puts optional arguments in brackets and spells repeating ones out", () => {
    expect(syntax("CARETRUST", fn)).toBe("=CARETRUST.POOL.SHARE(total, contributions, [year])");
    const rep: HelpFunction = { id: "SUMALL", name: "SUMALL", parameters: [{ name: "value", repeating: true, optional: true }] };
    expect(syntax("CARETRUST", rep)).toBe("=CARETRUST.SUMALL(value1, [value2], …)");
  });

  test("pages escape text, carry the CSP, render the worked example and describe spilled results", () => {
    const { pages, warnings } = renderHelpSite({
      metadata: { functions: [fn] },
      namespace: "CARETRUST",
      csp: csp.CONTENT_SECURITY_POLICY,
      version: "9.9.9",
      docs: { "POOL.SHARE": "Split **£1,000**:\n\n```\n=CARETRUST.POOL.SHARE(1000, B2:B4)\n```" },
    });
    expect(Object.keys(pages).sort()).toEqual(["index.html", "pool.share.html"]);
    const page = pages["pool.share.html"];
    expect(page).toContain("&lt;pool&gt;");
    expect(page).not.toContain("<pool>");
    expect(page).toContain("Worked example");
    expect(page).toContain("<strong>£1,000</strong>");
    expect(page).toContain("<pre><code>=CARETRUST.POOL.SHARE(1000, B2:B4)</code></pre>");
    expect(page).toContain("a range of numbers");
    expect(page).toMatch(/spilled/);
    expect(page).toContain('<html lang="en-GB">');
    expect(page).toContain("9.9.9");
    expect(warnings).toEqual([]);
  });

  test("warns about a missing or non-standard helpUrl and about docs for no function", () => {
    const { warnings } = renderHelpSite({
      metadata: { functions: [{ ...fn, helpUrl: undefined }] },
      namespace: "CARETRUST",
      csp: "default-src 'self'",
      docs: { NOSUCH: "text" },
    });
    expect(warnings.join("\n")).toMatch(/@helpurl https:\/\/localhost:3000\/help\/pool\.share\.html/);
    expect(warnings.join("\n")).toMatch(/NOSUCH\.md has no matching function/);
  });
});

describe("markdownToHtml", () => {
  test("paragraphs, headings, lists, code blocks and tables", () => {
    const html = markdownToHtml(
      "# Example\n\nCost a **band 6** nurse with `SALARY`:\n\n```\n=CARETRUST.SALARY(\"AFC\", 6)\n```\n\n- one\n- two\n\n1. first\n2. second\n\n| Cell | Value |\n|---|---|\n| A1 | 38,682 |",
    );
    expect(html).toContain("<h2>Example</h2>");
    expect(html).toContain("<p>Cost a <strong>band 6</strong> nurse with <code>SALARY</code>:</p>");
    expect(html).toContain("<pre><code>=CARETRUST.SALARY(&quot;AFC&quot;, 6)</code></pre>");
    expect(html).toContain("<ul><li>one</li><li>two</li></ul>");
    expect(html).toContain("<ol><li>first</li><li>second</li></ol>");
    expect(html).toContain("<table><thead><tr><th>Cell</th><th>Value</th></tr></thead><tbody><tr><td>A1</td><td>38,682</td></tr></tbody></table>");
  });

  test("lets no HTML through and links only to help pages or https", () => {
    const html = markdownToHtml(
      '<script>alert(1)</script> <img src="https://evil.example/x.png">\n\n[ok](salary.html) [web](https://www.gov.uk/x) [bad](javascript:alert) [also bad](http://x.example/)',
    );
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('<a href="salary.html">ok</a>');
    expect(html).toContain('<a href="https://www.gov.uk/x">web</a>');
    expect(html).not.toMatch(/href="javascript|href="http:/);
  });
});
