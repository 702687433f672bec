/**
 * Development-server certificates: read from office-addin-dev-certs' folder when present and
 * valid; otherwise `office-addin-dev-certs install` is run and the folder read again; otherwise
 * null (the dev server then falls back to http with a warning).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
// office-addin-dev-certs' own generator writes the same three files its CLI does.
import { generateCertificates } from "office-addin-dev-certs/lib/generate";
import { certFiles, devServerHttpsOptions, readCerts } from "../../scripts/common/dev-certs";

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "caretrust-certs-"));
}

async function writeCerts(dir: string): Promise<void> {
  const f = certFiles(dir);
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    await generateCertificates(f.ca, f.cert, f.key, 30);
  } finally {
    log.mockRestore();
  }
}

describe("dev server certificates", () => {
  const dirs: string[] = [];
  const newDir = () => {
    const d = tmpDir();
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  test("uses the files when they are there, without installing", async () => {
    const dir = newDir();
    await writeCerts(dir);
    const install = jest.fn(() => true);
    const opts = devServerHttpsOptions({ dir, install, log: () => undefined });
    expect(install).not.toHaveBeenCalled();
    expect(opts).not.toBeNull();
    expect(opts!.key.toString()).toMatch(/PRIVATE KEY/);
    expect(opts!.cert.toString()).toMatch(/BEGIN CERTIFICATE/);
    expect(opts!.ca.toString()).toMatch(/BEGIN CERTIFICATE/);
  });

  test("runs the installer when the files are missing, then reads what it wrote (even if the CA step failed)", async () => {
    const source = newDir();
    await writeCerts(source);
    const dir = newDir();
    const install = jest.fn(() => {
      // As on Linux without sudo: the files are written, then installing the CA fails.
      for (const k of ["key", "cert", "ca"] as const) fs.copyFileSync(certFiles(source)[k], certFiles(dir)[k]);
      return false;
    });
    const opts = devServerHttpsOptions({ dir, install, log: () => undefined });
    expect(install).toHaveBeenCalledTimes(1);
    expect(opts).not.toBeNull();
  });

  test("returns null when there is still no certificate, so the server falls back to http", () => {
    const dir = newDir();
    const logs: string[] = [];
    const opts = devServerHttpsOptions({ dir, install: () => false, log: (m) => logs.push(m) });
    expect(opts).toBeNull();
    expect(logs.join("\n")).toMatch(/office-addin-dev-certs install/);
  });

  test("treats an expired or unreadable certificate as missing", async () => {
    const dir = newDir();
    await writeCerts(dir);
    expect(readCerts(dir)).not.toBeNull();
    expect(readCerts(dir, new Date(Date.now() + 400 * 24 * 3600 * 1000))).toBeNull();
    fs.writeFileSync(certFiles(dir).cert, "not a certificate");
    expect(readCerts(dir)).toBeNull();
  });
});
