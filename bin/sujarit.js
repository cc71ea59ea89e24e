#!/usr/bin/env node
"use strict";
// The CLI is compiled by `npm install` (the prepare script) into dist-cli/.
const path = require("node:path");
let cli;
try {
  cli = require(path.join(__dirname, "..", "dist-cli", "src", "cli", "main.js"));
} catch {
  process.stderr.write("sujarit: the CLI is not built yet; run `npm install` (or `npm run build:cli`) first\n");
  process.exit(2);
}

/** A one-line progress bar on stderr, only when a person watches a terminal and there is more than one file. */
function progress(done, total, label) {
  if (total < 2) return;
  const width = 24;
  const filled = Math.round((done / total) * width);
  const name = label.length > 40 ? "…" + label.slice(-39) : label;
  process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${name}`.padEnd(90));
  if (done === total) process.stderr.write("\r" + " ".repeat(90) + "\r");
}

// a reader that stops early (`sujarit validate --format json | head -1`) closes the pipe: end quietly, as other
// command-line tools do, with the exit code the command had or would have had (never a stack trace)
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

cli
  .main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t + "\n"),
    err: (t) => process.stderr.write(t + "\n"),
    ...(process.stderr.isTTY ? { progress } : {}),
  })
  .then((code) => {
    process.exitCode = code;
  });
