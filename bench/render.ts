/**
 * Time to the dashboard: from navigation start to `[data-testid="dashboard"][data-ready="true"]` on
 * taskpane.html?sample=1 (standalone mode: fetch the sample, open it with exceljs, read, render), in
 * headless Debian Chromium against the production build. Figures, not pass/fail.
 *
 *   npm run build && npm run build:cli && node dist-cli/bench/render.js [--runs 7] [--json]
 *
 * Each run uses a fresh browser context (empty HTTP cache, as on a first open); office.js is served
 * from node_modules and everything else that would leave 127.0.0.1 is aborted (test/e2e/browser.ts).
 * The ready moment is taken in the page by a MutationObserver installed before any script runs, so no
 * polling delay is added. A `sujarit:dashboard` performance mark or measure, if the page sets one,
 * is reported too.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { guardNetwork, launchChromium, newTaskpaneContext, repoRoot, serveDist } from "../test/e2e/browser";

const READY = '[data-testid="dashboard"][data-ready="true"]';
const TIMEOUT_MS = 60_000;

interface Run {
  ready: number;
  mark: number | undefined;
  domContentLoaded: number;
  load: number;
}

/** Runs in the page before its own scripts: records performance.now() when READY first matches. */
function watchReady(selector: string): void {
  const w = window as unknown as { __sujaritReadyAt?: number };
  const check = (): boolean => {
    if (w.__sujaritReadyAt === undefined && document.querySelector(selector)) w.__sujaritReadyAt = performance.now();
    return w.__sujaritReadyAt !== undefined;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-ready", "data-testid"] });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}

async function main(): Promise<void> {
  const runs = option("--runs", 7);
  // --cpu 4: Chromium's CPU throttling (DevTools' "4× slowdown"), roughly an office laptop
  const cpu = option("--cpu", 1);
  const json = process.argv.includes("--json");
  const root = repoRoot();
  if (!existsSync(join(root, "dist", "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run npm run build first");
  const served = await serveDist(join(root, "dist"));
  const browser = await launchChromium();
  const results: Run[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await newTaskpaneContext(browser);
      try {
        await guardNetwork(context, { kind: "package" });
        await context.addInitScript(watchReady, READY);
        const page = await context.newPage();
        if (cpu > 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: cpu });
        await page.goto(served.url, { waitUntil: "commit" });
        await page.waitForFunction(() => (window as unknown as { __sujaritReadyAt?: number }).__sujaritReadyAt !== undefined, undefined, {
          timeout: TIMEOUT_MS,
        });
        await page.waitForLoadState("load");
        results.push(
          await page.evaluate(() => {
            const entry = performance.getEntriesByName("sujarit:dashboard")[0];
            const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
            return {
              ready: (window as unknown as { __sujaritReadyAt: number }).__sujaritReadyAt,
              // a mark's time is its startTime; a measure's end is startTime + duration
              mark: entry ? entry.startTime + entry.duration : undefined,
              domContentLoaded: nav?.domContentLoadedEventEnd ?? Number.NaN,
              load: nav?.loadEventEnd ?? Number.NaN,
            };
          }),
        );
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await served.close();
  }

  const ready = results.map((r) => r.ready);
  const marks = results.map((r) => r.mark).filter((m): m is number => m !== undefined);
  const summary = {
    runs,
    cpuSlowdown: cpu,
    readyMedianMs: median(ready),
    readyMinMs: Math.min(...ready),
    readyMaxMs: Math.max(...ready),
    markMedianMs: marks.length === runs ? median(marks) : undefined,
    domContentLoadedMedianMs: median(results.map((r) => r.domContentLoaded)),
    loadMedianMs: median(results.map((r) => r.load)),
    results,
  };
  if (json) {
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  const ms = (n: number | undefined): string => (n === undefined ? "n/a" : `${n.toFixed(0)} ms`);
  console.log(
    `dashboard ready (navigation start → ${READY}), standalone, taskpane.html?sample=1, ${cpu > 1 ? `CPU ${cpu}× slower, ` : ""}median of ${runs}: ` +
      `${ms(summary.readyMedianMs)} (min ${ms(summary.readyMinMs)}, max ${ms(summary.readyMaxMs)})`,
  );
  console.log(
    `  performance "sujarit:dashboard": ${marks.length === runs ? `median ${ms(summary.markMedianMs)}` : marks.length === 0 ? "not set by the page" : `only in ${marks.length} of ${runs} runs`}` +
      ` · DOMContentLoaded median ${ms(summary.domContentLoadedMedianMs)} · load median ${ms(summary.loadMedianMs)}`,
  );
  console.log(`  runs: ${ready.map((r) => r.toFixed(0)).join(", ")} ms`);
}

main().catch((error: unknown) => {
  console.error(`bench/render: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
