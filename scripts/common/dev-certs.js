"use strict";
/**
 * HTTPS options for the development server, from office-addin-dev-certs.
 *
 * The template awaits require("office-addin-dev-certs").getHttpsServerOptions(), which generates
 * the certificates and then installs the CA into the system trust store. Where that install is
 * impossible (Linux without sudo, containers) it throws, although the certificate files were
 * written. So: use the files in ~/.office-addin-dev-certs if they are there and not expired;
 * otherwise run `office-addin-dev-certs install` (which writes them, and trusts the CA on Windows
 * and macOS) and read them again; and if there are still none, return null so the caller can fall
 * back to plain http with a warning.
 */

const fs = require("fs");
const os = require("os");
const path = require("path");
const crypto = require("crypto");
const { spawnSync } = require("child_process");

const DEFAULT_CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

function certFiles(dir) {
  return {
    key: path.join(dir, "localhost.key"),
    cert: path.join(dir, "localhost.crt"),
    ca: path.join(dir, "ca.crt"),
  };
}

/** The key, certificate and CA as Buffers, or null if a file is missing or the certificate has expired. */
function readCerts(dir, now = new Date()) {
  const files = certFiles(dir);
  if (!Object.values(files).every((f) => fs.existsSync(f))) return null;
  const options = {
    key: fs.readFileSync(files.key),
    cert: fs.readFileSync(files.cert),
    ca: fs.readFileSync(files.ca),
  };
  try {
    const validTo = new Date(new crypto.X509Certificate(options.cert).validTo);
    if (validTo <= now) return null;
  } catch {
    return null; // not a certificate we can read: regenerate
  }
  return options;
}

/** Runs `office-addin-dev-certs install`; true if it exited normally. */
function installWithCli() {
  let cli;
  try {
    cli = require.resolve("office-addin-dev-certs/cli.js");
  } catch {
    return false;
  }
  const r = spawnSync(process.execPath, [cli, "install"], { stdio: "inherit" });
  return r.status === 0;
}

/**
 * @param {{ dir?: string, install?: () => boolean, log?: (msg: string) => void }} [opts]
 * @returns {{ key: Buffer, cert: Buffer, ca: Buffer } | null}
 */
function devServerHttpsOptions(opts = {}) {
  const dir = opts.dir || DEFAULT_CERT_DIR;
  const install = opts.install || installWithCli;
  const log = opts.log || ((m) => console.warn(m));
  const existing = readCerts(dir);
  if (existing) return existing;
  log(`No valid development certificate in ${dir}: running office-addin-dev-certs install.`);
  try {
    install();
  } catch (e) {
    log(`office-addin-dev-certs install failed: ${e && e.message ? e.message : e}`);
  }
  // On Linux the CA install step fails (no sudo) after the files were written: use them anyway.
  return readCerts(dir);
}

module.exports = { DEFAULT_CERT_DIR, certFiles, readCerts, devServerHttpsOptions };
