/**
 * Browser plumbing shared by the e2e suite and bench/render.ts (so: no jest here, and it compiles under
 * tsconfig.cli.json): Debian's Chromium through playwright-core, dist/ served on 127.0.0.1 by
 * tools/serve.js, office.js served from node_modules instead of Microsoft's CDN, and every other
 * request that would leave 127.0.0.1 aborted, so nothing here touches the network.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, resolve, sep } from "node:path";
import { chromium, type Browser, type BrowserContext, type Route } from "playwright-core";

/** Debian's Chromium; SUJARIT_CHROMIUM overrides it (never let playwright download a browser). */
export const CHROMIUM = process.env.SUJARIT_CHROMIUM || "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Where taskpane.html loads office.js from (src/taskpane/taskpane.html). */
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
export const OFFICE_JS_URL = `${OFFICE_CDN}office.js`;

/** The repository root: the nearest folder up from here with package.json and tools/serve.js (works from test/e2e and dist-cli/test/e2e). */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "tools", "serve.js"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no repository root (package.json + tools/serve.js) above ${__dirname}`);
    dir = up;
  }
}

export interface Served {
  /** http://127.0.0.1:PORT/taskpane.html?sample=1 */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  close(): Promise<void>;
}

interface ServeModule {
  startServer(options: { dir?: string; port?: number }): Promise<Served>;
}

/** Serves the production build (dist/ unless told otherwise) on an ephemeral 127.0.0.1 port. */
export function serveDist(dir = join(repoRoot(), "dist")): Promise<Served> {
  // tools/serve.js is plain CommonJS (no types); require it from the repository root
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const serve = require(join(repoRoot(), "tools", "serve.js")) as ServeModule;
  return serve.startServer({ dir, port: 0 });
}

/** Debian's Chromium, headless, with the project's flags; fails with a sentence when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set SUJARIT_CHROMIUM`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** The task pane's context: Thai locale and time zone, as for the users; downloads allowed. */
export function newTaskpaneContext(browser: Browser, viewport = { width: 800, height: 900 }): Promise<BrowserContext> {
  return browser.newContext({
    viewport,
    locale: "th-TH",
    timezoneId: "Asia/Bangkok",
    acceptDownloads: true,
    serviceWorkers: "block",
  });
}

export type OfficeSource =
  /** office.js and whatever it loads, from node_modules/@microsoft/office-js/dist (standalone mode). */
  | { kind: "package" }
  /** A script served in place of office.js (the fake Excel host); other CDN files are 404. */
  | { kind: "script"; body: string };

export interface NetworkLog {
  /** Requests that would have left 127.0.0.1, aborted. */
  blocked: string[];
  /** CDN files served from the office-js package (or the fake script). */
  officeServed: string[];
  /** CDN files asked for that the package does not have (answered 404). */
  officeMissing: string[];
}

const OFFICE_DIST = (): string => resolve(repoRoot(), "node_modules", "@microsoft", "office-js", "dist");

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
};

/** The file in the office-js package a CDN URL names, or undefined (absent, or outside the package). */
function packageFile(url: URL): string | undefined {
  const root = OFFICE_DIST();
  const rest = decodeURIComponent(url.pathname.slice(new URL(OFFICE_CDN).pathname.length));
  const file = resolve(root, rest);
  if (!file.startsWith(root + sep)) return undefined;
  for (const candidate of [file, file.toLowerCase()]) {
    if (candidate.startsWith(root + sep) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * Routes every request of the context: 127.0.0.1 goes through, the office.js CDN is answered locally,
 * everything else is aborted and logged.
 */
export async function guardNetwork(context: BrowserContext, office: OfficeSource): Promise<NetworkLog> {
  const log: NetworkLog = { blocked: [], officeServed: [], officeMissing: [] };
  await context.route("**/*", async (route: Route) => {
    const href = route.request().url();
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      log.blocked.push(href);
      await route.abort("blockedbyclient");
      return;
    }
    if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname === "127.0.0.1") {
      await route.continue();
      return;
    }
    if (href.startsWith(OFFICE_CDN)) {
      if (office.kind === "script") {
        if (url.origin + url.pathname === OFFICE_JS_URL) {
          log.officeServed.push(href);
          await route.fulfill({ status: 200, contentType: CONTENT_TYPES[".js"], body: office.body });
        } else {
          log.officeMissing.push(href);
          await route.fulfill({ status: 404, contentType: "text/plain", body: "not part of the fake office.js" });
        }
        return;
      }
      const file = packageFile(url);
      if (file) {
        log.officeServed.push(href);
        await route.fulfill({
          status: 200,
          contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
          body: readFileSync(file),
        });
      } else {
        log.officeMissing.push(href);
        await route.fulfill({ status: 404, contentType: "text/plain", body: "not in @microsoft/office-js/dist" });
      }
      return;
    }
    log.blocked.push(href);
    await route.abort("blockedbyclient");
  });
  return log;
}
