"use strict";
/**
 * The Content Security Policy of every page the add-in serves (the task pane and the help pages),
 * as a <meta http-equiv> tag. One definition, so the pages cannot drift apart.
 *
 * - Scripts only from the add-in's own origin and Microsoft's Office CDN (office.js, which loads
 *   its host-specific files from the same CDN). No inline script, no eval.
 * - connect-src 'self': the add-in makes no network calls; 'self' is left so that the development
 *   server's live-reload socket works. Nothing is allowed to any other origin.
 * - Styles allow 'unsafe-inline' because the task pane's styles are an inline <style> element
 *   (there is no CSS loader in the build) and Office on the web sets inline styles; with img-src,
 *   font-src and connect-src held to 'self', a style cannot send data anywhere.
 * - frame-ancestors cannot be set from a <meta> tag (browsers ignore it there), and must not be:
 *   Excel on the web frames the add-in from Microsoft's domains. A host that adds CSP headers must
 *   keep that in mind (see docs/deployment.md).
 */

const OFFICE_JS_CDN_ORIGIN = "https://appsforoffice.microsoft.com";
const OFFICE_JS_URL = `${OFFICE_JS_CDN_ORIGIN}/lib/1/hosted/office.js`;

const DIRECTIVES = [
  ["default-src", "'self'"],
  ["script-src", `'self' ${OFFICE_JS_CDN_ORIGIN}`],
  ["style-src", "'self' 'unsafe-inline'"],
  ["img-src", "'self' data:"],
  ["font-src", "'self'"],
  ["connect-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'none'"],
];

const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join("; ");

module.exports = { CONTENT_SECURITY_POLICY, OFFICE_JS_CDN_ORIGIN, OFFICE_JS_URL };
