/**
 * Stand-in for the office-addin-manifest package under jest (jest.config.js maps it here).
 *
 * office-addin-mock requires office-addin-manifest only for its OfficeApp enum. The real package
 * pulls in @microsoft/app-manifest, which requires the ESM-only strip-bom@5, and jest on Node 20
 * cannot load that ("Must use import to load ES Module"). The values below are the enum's own
 * (node_modules/office-addin-manifest/lib/officeApp.js); tests/build/stubs.test.ts checks that
 * they still match after an upgrade.
 */
"use strict";

const OfficeApp = Object.freeze({
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
});

module.exports = { OfficeApp };
