#!/usr/bin/env node
"use strict";
// The CLI is compiled by `npm install` (the prepare script) into dist-cli/.
const path = require("node:path");
let cli;
try {
  cli = require(path.join(__dirname, "..", "dist-cli", "src", "cli", "main.js"));
} catch (e) {
  process.stderr.write("sujarit: the CLI is not built yet; run `npm install` (or `npm run build:cli`) first\n");
  process.exit(2);
}
cli
  .main(process.argv.slice(2), { out: (t) => process.stdout.write(t + "\n"), err: (t) => process.stderr.write(t + "\n") })
  .then((code) => { process.exitCode = code; });
