// Global setup of jest.e2e.config.js: the e2e suite needs the production build and Debian's Chromium.
// Missing either is a failure with a sentence saying what to do, never a silent skip.
"use strict";

const fs = require("fs");
const path = require("path");

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, "..", "..");
  const problems = [];
  if (!fs.existsSync(path.join(root, "dist", "taskpane.html"))) {
    problems.push("dist/taskpane.html is missing: run npm run build first");
  }
  const chromium = process.env.SUJARIT_CHROMIUM || "/usr/bin/chromium";
  if (!fs.existsSync(chromium)) {
    problems.push(
      `Chromium is missing at ${chromium}: install Debian's chromium (apt-get install -y chromium) or set ` +
        "SUJARIT_CHROMIUM to a Chromium binary; the e2e suite never downloads a browser",
    );
  }
  for (const file of ["node_modules/@microsoft/office-js/dist/office.js", "node_modules/axe-core/axe.min.js"]) {
    if (!fs.existsSync(path.join(root, file))) problems.push(`${file} is missing: run npm ci`);
  }
  if (problems.length > 0) throw new Error(`e2e suite cannot run:\n  - ${problems.join("\n  - ")}`);
};
