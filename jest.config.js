/** Unit, property and integration tests. ts-jest transpiles only (isolatedModules); `npm run typecheck` type-checks. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/tests/stubs/office-addin-manifest.js" },
  testTimeout: 120000,
};
