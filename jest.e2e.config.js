// End-to-end suite: the production task pane (dist/, `npm run build` first) in Debian's Chromium via
// playwright-core, served on 127.0.0.1 by tools/serve.js. Run: `jest -c jest.e2e.config.js`.
// Screenshots and axe reports go to test-artifacts/.
//
// Kept apart from jest.config.js (whose test/**/*.test.ts would otherwise match *.e2e.test.ts): one
// browser at a time on this 2-core machine, and a global setup that fails with a sentence when the
// build or Chromium is missing (no silent skip).
const unit = require("./jest.base.js");

/** @type {import("jest").Config} */
module.exports = {
  displayName: "e2e",
  testEnvironment: "node",
  testMatch: ["<rootDir>/test/e2e/**/*.e2e.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  transform: unit.transform,
  moduleFileExtensions: unit.moduleFileExtensions,
  modulePathIgnorePatterns: unit.modulePathIgnorePatterns,
  globalSetup: "<rootDir>/test/e2e/global-setup.js",
  testTimeout: 120000,
  maxWorkers: 1,
};
