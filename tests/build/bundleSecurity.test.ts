/**
 * Nothing leaves the workbook (issue 6): the built bundles contain no way of making a network
 * request or evaluating code, and the pages load no script or image from anywhere but the add-in
 * itself and Microsoft's Office CDN (office.js). The webpack config is set so that its own runtime
 * emits no loader code either (no chunk loading, no `new Function` global lookup): nothing is
 * allow-listed here.
 */
import * as fs from "fs";
import * as path from "path";
import { FORBIDDEN_IN_BUNDLES as FORBIDDEN, csp, listFiles, requireDist } from "./helpers";

function snippet(text: string, index: number): string {
  return text.slice(Math.max(0, index - 60), index + 60);
}

/** Tags and their src/href values, tolerant of minified HTML (unquoted attributes). */
function tags(html: string, names: string[]): { tag: string; attrs: Record<string, string>; raw: string }[] {
  const re = new RegExp(`<(${names.join("|")})\\b([^>]*)>`, "gi");
  return [...html.matchAll(re)].map((m) => {
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([\w:-]+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attrs[a[1].toLowerCase()] = a[3] ?? a[4] ?? a[5] ?? "";
    }
    return { tag: m[1].toLowerCase(), attrs, raw: m[0] };
  });
}

function isSameOrigin(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("//");
}

function cspMeta(html: string): { content: string; index: number } | null {
  for (const t of tags(html, ["meta"])) {
    if ((t.attrs["http-equiv"] ?? "").toLowerCase() === "content-security-policy") {
      return { content: t.attrs.content.replace(/&#39;/g, "'").replace(/&quot;/g, '"'), index: html.indexOf(t.raw) };
    }
  }
  return null;
}

describe("built bundles: nothing leaves the workbook", () => {
  let dist: string;
  let files: string[];
  beforeAll(() => {
    dist = requireDist();
    files = listFiles(dist);
  });

  test("the bundles are the two entry points, self-contained (no further chunks)", () => {
    const js = files.filter((f) => /\.m?js$/.test(f));
    expect(js.sort()).toEqual(["functions.js", "taskpane.js"]);
  });

  test.each(FORBIDDEN)("no %s in any bundle", (_label, re) => {
    for (const f of files.filter((x) => /\.m?js$/.test(x))) {
      const text = fs.readFileSync(path.join(dist, f), "utf8");
      const m = re.exec(text);
      expect(m ? `${f}: …${snippet(text, m.index)}…` : null).toBeNull();
    }
  });

  test("no source maps are shipped", () => {
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const f of files.filter((x) => x.endsWith(".js"))) {
      expect(fs.readFileSync(path.join(dist, f), "utf8")).not.toMatch(/sourceMappingURL/);
    }
  });

  test("pages load scripts only from the add-in and office.js from the Office CDN, and nothing else from elsewhere", () => {
    const pages = files.filter((f) => f.endsWith(".html"));
    expect(pages).toContain("taskpane.html");
    expect(pages).toContain("help/index.html");
    for (const page of pages) {
      const html = fs.readFileSync(path.join(dist, page), "utf8");
      for (const t of tags(html, ["script"])) {
        const src = t.attrs.src;
        expect({ page, inlineScript: src === undefined }).toEqual({ page, inlineScript: false });
        if (!isSameOrigin(src)) expect({ page, src }).toEqual({ page, src: csp.OFFICE_JS_URL });
      }
      for (const t of tags(html, ["img", "iframe", "frame", "embed", "object", "source", "audio", "video", "link", "form"])) {
        const url = t.attrs.src ?? t.attrs.href ?? t.attrs.data ?? t.attrs.action ?? "";
        expect({ page, tag: t.tag, url, ok: url === "" || isSameOrigin(url) || url.startsWith("data:") }).toEqual({ page, tag: t.tag, url, ok: true });
        expect(["iframe", "frame", "embed", "object", "form"]).not.toContain(t.tag);
      }
      expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i); // no external CSS resources inline
    }
    for (const sheet of files.filter((f) => f.endsWith(".css"))) {
      const text = fs.readFileSync(path.join(dist, sheet), "utf8");
      expect(text).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
      expect(text).not.toMatch(/@import/);
    }
  });

  test("the task pane page carries the CSP first in <head>, then office.js, then the bundles", () => {
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const meta = cspMeta(html);
    expect(meta).not.toBeNull();
    expect(meta!.content).toBe(csp.CONTENT_SECURITY_POLICY);
    const scripts = tags(html, ["script"]).map((t) => ({ src: t.attrs.src, index: html.indexOf(t.raw) }));
    expect(scripts.map((s) => s.src)).toEqual([csp.OFFICE_JS_URL, "functions.js", "taskpane.js"]);
    for (const s of scripts) expect(s.index).toBeGreaterThan(meta!.index);
    expect(html).toMatch(/<html[^>]*\blang=("|')?en-GB/);
    expect(html).toMatch(/<main[^>]*\bid=("|')?app\b/);
  });

  test("the CSP allows scripts only from the add-in and the Office CDN, and no eval", () => {
    const directives = new Map(
      csp.CONTENT_SECURITY_POLICY.split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as [string, string[]];
      }),
    );
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'", csp.OFFICE_JS_CDN_ORIGIN]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(csp.CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
    expect(csp.OFFICE_JS_URL.startsWith(`${csp.OFFICE_JS_CDN_ORIGIN}/`)).toBe(true);
  });

  test("every help page carries the same CSP", () => {
    for (const page of files.filter((f) => f.startsWith("help/") && f.endsWith(".html"))) {
      const meta = cspMeta(fs.readFileSync(path.join(dist, page), "utf8"));
      expect({ page, csp: meta?.content }).toEqual({ page, csp: csp.CONTENT_SECURITY_POLICY });
    }
  });
});
