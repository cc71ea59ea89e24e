// Preloaded (`node -r`) into CLI processes under test: prints the process's peak resident set size on
// exit, so a test can hold a hostile file's memory to a ceiling without /usr/bin/time.
// Linux: VmHWM from /proc/self/status, the high-water mark of this program's own memory. Not
// getrusage's maxrss (process.resourceUsage): Linux carries that over exec from the forked parent, so a
// child of a test process that holds 300 MB would report at least 300 MB.
"use strict";
const fs = require("node:fs");
process.on("exit", () => {
  let kb = process.resourceUsage().maxRSS;
  try {
    const m = /VmHWM:\s*(\d+)\s*kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) kb = Number(m[1]);
  } catch {
    // not Linux: maxRSS it is
  }
  fs.writeSync(2, `\nsujarit-test: peak-rss-kb ${kb}\n`);
});
