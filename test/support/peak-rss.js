// Preloaded (`node -r`) into CLI processes under test: prints the process's peak resident set size on
// exit, so a test can hold a hostile file's memory to a ceiling without /usr/bin/time.
"use strict";
process.on("exit", () => {
  require("node:fs").writeSync(2, `\nsujarit-test: peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
