"use strict";
/**
 * The add-in is developed against https://localhost:3000/ (the manifest, functions.json's help
 * links). A production build replaces every occurrence of that base with the URL the built dist/
 * is served from, given in the CARETRUST_PUBLIC_URL environment variable.
 *
 * Every occurrence: the generator-office template used String.replace with a string, which only
 * replaces the first one and left eight localhost URLs in its production manifest.
 */

const { URL } = require("url");

const DEV_URL = "https://localhost:3000/";
const DEV_URL_PATTERN = /https:\/\/localhost:3000\//g;

/**
 * Checks and normalises a public base URL: https, no credentials, query or fragment, and ending
 * in "/" so that "X" maps to base + "X". Throws an Error saying what is wrong.
 */
function normalisePublicUrl(value) {
  const raw = String(value).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`CARETRUST_PUBLIC_URL "${raw}" is not a URL. Give the https address dist/ is served from, e.g. https://addins.example.nhs.uk/caretrust/`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`CARETRUST_PUBLIC_URL must use https (Office loads add-ins only over https); got "${raw}".`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`CARETRUST_PUBLIC_URL must be a plain base address with no user name, password, query or fragment; got "${raw}".`);
  }
  if (url.hostname === "localhost" || url.hostname === "127.0.0.1") {
    throw new Error(`CARETRUST_PUBLIC_URL should be the production address; got "${raw}". Leave it unset to keep https://localhost:3000/.`);
  }
  let base = url.href;
  if (!base.endsWith("/")) base += "/";
  // The URL goes into XML attributes and JSON strings unescaped.
  if (/["'<>&\\\s]/.test(base)) throw new Error(`CARETRUST_PUBLIC_URL contains a character that is not allowed in a manifest URL: "${raw}".`);
  return base;
}

/** Replaces every https://localhost:3000/ in text with publicUrl (already normalised). */
function rewriteUrls(text, publicUrl) {
  return String(text).replace(DEV_URL_PATTERN, () => publicUrl);
}

module.exports = { DEV_URL, normalisePublicUrl, rewriteUrls };
