/**
 * The manifest, checked offline. Microsoft's validator (`npm run validate`) needs the network, and
 * the only public XSDs predate <Runtimes>; so these are our own structural checks of what Office
 * requires for a shared runtime with custom functions, plus: every URL the manifest names is a file
 * the build produced.
 */
import * as fs from "fs";
import * as path from "path";
import {
  DEV_BASE,
  NAMESPACE,
  ROOT,
  attrValues,
  builtBase,
  checkWellFormed,
  childNames,
  el,
  pngSize,
  publicUrl,
  requireDist,
  xpathCount,
  xpathString,
} from "./helpers";

const SOURCE = path.join(ROOT, "manifest.xml");
const VO = `/${el("OfficeApp")}/${el("VersionOverrides")}`;
const HOST = `${VO}/${el("Hosts")}/${el("Host")}`;
const RESOURCES = `${VO}/${el("Resources")}`;

const s = (expr: string) => xpathString(SOURCE, expr);
const count = (expr: string) => xpathCount(SOURCE, expr);
const attrs = (expr: string) => attrValues(SOURCE, expr);

/** The resources, kind by kind: id -> DefaultValue. */
function resources(kind: "Images" | "Urls" | "ShortStrings" | "LongStrings"): Map<string, string> {
  const base = `${RESOURCES}/${el(kind)}/*`;
  const ids = attrs(`${base}/@id`);
  const values = attrs(`${base}/@DefaultValue`);
  expect(values).toHaveLength(ids.length);
  return new Map(ids.map((id, i) => [id, values[i]]));
}

/** Every URL in a manifest's text: in attribute values and element text. */
function urlsIn(xml: string): string[] {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, "");
  return [...withoutComments.matchAll(/\bhttps?:\/\/[^"'<>\s]+/g)]
    .map((m) => m[0])
    .filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
}

describe("manifest.xml", () => {
  test("is well-formed XML (source and built copy)", () => {
    expect(() => checkWellFormed(SOURCE)).not.toThrow();
    expect(() => checkWellFormed(path.join(requireDist(), "manifest.xml"))).not.toThrow();
  });

  test("is a task pane add-in for Excel with the expected identity", () => {
    expect(s(`namespace-uri(/*)`)).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(s(`local-name(/*)`)).toBe("OfficeApp");
    expect(s(`/*/@*[local-name()='type']`)).toBe("TaskPaneApp");
    expect(s(`/*/${el("Id")}`)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(s(`/*/${el("ProviderName")}`)).toBe("Care Trust Calculator");
    expect(s(`/*/${el("DisplayName")}/@DefaultValue`)).toBe("Care Trust Calculator");
    expect(s(`/*/${el("DefaultLocale")}`)).toBe("en-GB");
    expect(s(`/*/${el("Permissions")}`)).toBe("ReadWriteDocument");
    expect(attrs(`/*/${el("Hosts")}/${el("Host")}/@Name`)).toEqual(["Workbook"]);
    expect(s(`${VO}/@*[local-name()='type']`)).toBe("VersionOverridesV1_0");
    expect(s(`namespace-uri(${VO})`)).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(attrs(`${VO}/${el("Hosts")}/${el("Host")}/@*[local-name()='type']`)).toEqual(["Workbook"]);
  });

  test("Version is n.n.n.n and follows package.json's version", () => {
    const version = s(`/*/${el("Version")}`);
    expect(version).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(version).toBe(`${pkg.version}.0`);
  });

  test("the base manifest's elements are in the order the schema requires", () => {
    const order = [
      "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description",
      "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements",
      "DefaultSettings", "Permissions", "Dictionary", "VersionOverrides",
    ];
    const names = childNames(SOURCE, "/*");
    for (const n of names) expect(order).toContain(n);
    const positions = names.map((n) => order.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "VersionOverrides"]) {
      expect(names).toContain(required);
    }
  });

  test("declares the requirement sets a shared runtime with custom functions needs", () => {
    const sets = `/*/${el("Requirements")}/${el("Sets")}/${el("Set")}`;
    const names = attrs(`${sets}/@Name`);
    expect(names).toContain("SharedRuntime");
    expect(names).toContain("CustomFunctionsRuntime");
    expect(s(`${sets}[@Name='SharedRuntime']/@MinVersion`)).toBe("1.1");
    // CustomFunctions.Error is CustomFunctionsRuntime 1.2; its #NUM!/#N/A codes 1.3.
    expect(Number(s(`${sets}[@Name='CustomFunctionsRuntime']/@MinVersion`))).toBeGreaterThanOrEqual(1.2);
  });

  test("task pane, ribbon command and custom functions share one long-lived runtime", () => {
    const runtimes = attrs(`${HOST}/${el("Runtimes")}/${el("Runtime")}/@resid`);
    expect(runtimes).toHaveLength(1);
    const shared = runtimes[0];
    expect(s(`${HOST}/${el("Runtimes")}/${el("Runtime")}/@lifetime`)).toBe("long");

    const cf = `${HOST}/${el("AllFormFactors")}/${el("ExtensionPoint")}[@*[local-name()='type']='CustomFunctions']`;
    expect(count(cf)).toBe(1);
    expect(s(`${cf}/${el("Page")}/${el("SourceLocation")}/@resid`)).toBe(shared);
    expect(s(`${cf}/${el("Script")}/${el("SourceLocation")}/@resid`)).not.toBe("");
    expect(s(`${cf}/${el("Metadata")}/${el("SourceLocation")}/@resid`)).not.toBe("");
    expect(s(`${cf}/${el("Namespace")}/@resid`)).not.toBe("");

    const desktop = `${HOST}/${el("DesktopFormFactor")}`;
    expect(s(`${desktop}/${el("FunctionFile")}/@resid`)).toBe(shared);
    const showTaskpane = `${desktop}//${el("Action")}[@*[local-name()='type']='ShowTaskpane']`;
    const panes = attrs(`${showTaskpane}/${el("SourceLocation")}/@resid`);
    expect(panes.length).toBeGreaterThan(0);
    for (const resid of panes) expect(resid).toBe(shared);
    // With a shared runtime there is one task pane: no TaskpaneId (docs: "avoid multiple task panes").
    expect(count(`//${el("TaskpaneId")}`)).toBe(0);

    // The page Office opens by default is the same page.
    expect(s(`/*/${el("DefaultSettings")}/${el("SourceLocation")}/@DefaultValue`)).toBe(resources("Urls").get(shared));
  });

  test("has a button on the Home tab that shows the task pane", () => {
    const tab = `${HOST}/${el("DesktopFormFactor")}/${el("ExtensionPoint")}[@*[local-name()='type']='PrimaryCommandSurface']/${el("OfficeTab")}`;
    expect(s(`${tab}/@id`)).toBe("TabHome");
    expect(count(`${tab}/${el("Group")}/${el("Control")}[@*[local-name()='type']='Button']/${el("Action")}[@*[local-name()='type']='ShowTaskpane']`)).toBe(1);
  });

  test("every resid names exactly one resource, of the right kind, and every resource is used", () => {
    const kinds = {
      Images: resources("Images"),
      Urls: resources("Urls"),
      ShortStrings: resources("ShortStrings"),
      LongStrings: resources("LongStrings"),
    };
    const allIds = attrs(`${RESOURCES}/*/*/@id`);
    expect(new Set(allIds).size).toBe(allIds.length); // defined once each
    for (const id of allIds) expect(id.length).toBeLessThanOrEqual(32);

    const referenced = attrs(`//@resid`);
    expect(referenced.length).toBeGreaterThan(0);
    for (const r of referenced) {
      expect(r.length).toBeLessThanOrEqual(32);
      expect(allIds).toContain(r);
    }
    for (const id of allIds) expect(referenced).toContain(id);

    const urlResids = [
      ...attrs(`//${el("SourceLocation")}/@resid`),
      ...attrs(`//${el("Runtime")}/@resid`),
      ...attrs(`//${el("FunctionFile")}/@resid`),
      ...attrs(`//${el("LearnMoreUrl")}/@resid`),
    ];
    for (const r of urlResids) expect([...kinds.Urls.keys()]).toContain(r);
    for (const r of attrs(`//${el("Icon")}/*/@resid`)) expect([...kinds.Images.keys()]).toContain(r);
    for (const r of [...attrs(`//${el("Label")}/@resid`), ...attrs(`//${el("Title")}/@resid`), ...attrs(`//${el("Namespace")}/@resid`)]) {
      expect([...kinds.ShortStrings.keys()]).toContain(r);
    }
    for (const r of attrs(`//${el("Description")}/@resid`)) expect([...kinds.LongStrings.keys()]).toContain(r);
    for (const v of kinds.ShortStrings.values()) expect(v.length).toBeLessThanOrEqual(125);
    for (const v of kinds.LongStrings.values()) expect(v.length).toBeLessThanOrEqual(250);
  });

  test(`the functions' namespace is ${NAMESPACE}`, () => {
    const resid = s(`//${el("Namespace")}/@resid`);
    const value = resources("ShortStrings").get(resid);
    expect(value).toBe(NAMESPACE);
    expect(value!.length).toBeLessThanOrEqual(32);
    expect(value).toMatch(/^[A-Z][A-Z0-9]*$/);
  });

  test("lists no AppDomains beyond the add-in's own origin", () => {
    const domain = `/*/${el("AppDomains")}/${el("AppDomain")}`;
    const n = count(domain);
    for (let i = 1; i <= n; i++) expect(s(`${domain}[${i}]`).replace(/\/$/, "")).toBe(DEV_BASE.replace(/\/$/, ""));
  });

  test("every URL is https on the development server", () => {
    const urls = urlsIn(fs.readFileSync(SOURCE, "utf8"));
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) expect(u.startsWith(DEV_BASE)).toBe(true);
  });

  test("every URL the built manifest names is a file the build produced", () => {
    const dist = requireDist();
    const base = builtBase();
    const urls = urlsIn(fs.readFileSync(path.join(dist, "manifest.xml"), "utf8"));
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) {
      expect(u.startsWith(base)).toBe(true);
      const rel = u.slice(base.length).replace(/[?#].*$/, "");
      expect(rel).not.toBe("");
      expect(fs.existsSync(path.join(dist, rel))).toBe(true);
    }
  });

  test("the built manifest is the source with only the base URL changed", () => {
    const built = fs.readFileSync(path.join(requireDist(), "manifest.xml"), "utf8");
    const source = fs.readFileSync(SOURCE, "utf8");
    const base = builtBase();
    expect(built).toBe(base === DEV_BASE ? source : publicUrl.rewriteUrls(source, base));
  });

  test("icon URLs point at PNGs of the size they are declared as", () => {
    const dist = requireDist();
    const file = (url: string) => path.join(dist, url.slice(DEV_BASE.length));
    expect(pngSize(file(s(`/*/${el("IconUrl")}/@DefaultValue`)))).toEqual({ width: 32, height: 32 });
    expect(pngSize(file(s(`/*/${el("HighResolutionIconUrl")}/@DefaultValue`)))).toEqual({ width: 64, height: 64 });
    const images = resources("Images");
    // Within <Icon>, size="N" must name an N×N image.
    const sizes = attrs(`//${el("Icon")}/*/@size`);
    const resids = attrs(`//${el("Icon")}/*/@resid`);
    expect(sizes).toHaveLength(resids.length);
    resids.forEach((r, i) => {
      const n = Number(sizes[i]);
      expect(pngSize(file(images.get(r)!))).toEqual({ width: n, height: n });
    });
  });
});
