/**
 * Running the add-in in Excel (README "Running in Excel"): package.json's scripts call Microsoft's
 * tools (webpack serve, office-addin-debugging), the dev server is HTTPS on exactly the origin of
 * every URL in manifest.xml and serves every one of those paths, and only the dev server asks
 * office-addin-dev-certs for a certificate (`npm run build` and `npm start` never do).
 *
 * office-addin-dev-certs is replaced by a fake: the real one would create a certificate authority
 * and ask the operating system to trust it.
 */
import * as fs from "fs";
import * as path from "path";
import { parseStringPromise } from "xml2js";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = "manifest.xml";

const FAKE_HTTPS = { key: "fake-key", cert: "fake-cert", ca: "fake-ca" };
let mockCertsLoads = 0;
const mockGetHttpsServerOptions = jest.fn(async () => FAKE_HTTPS);
jest.mock("office-addin-dev-certs", () => {
  mockCertsLoads++;
  return { getHttpsServerOptions: mockGetHttpsServerOptions };
});

// ---------- the pieces under test (plain CommonJS without types) ----------

interface PackageJson {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  config?: Record<string, unknown>;
}

interface DevServerOptions {
  host?: string;
  port?: number;
  static?: unknown;
  server?: { type?: string; options?: unknown };
}

interface CopyPattern {
  from: string;
  to?: string;
  transform?: (content: Buffer) => Buffer | string;
}

interface WebpackPlugin {
  constructor: { name: string };
  userOptions?: { filename?: string };
  patterns?: CopyPattern[];
}

interface WebpackConfig {
  devServer?: DevServerOptions;
  plugins: WebpackPlugin[];
}

type ConfigFactory = (env: Record<string, unknown>, argv: { mode?: string }) => Promise<WebpackConfig>;

interface DevServerModule {
  DEV_SERVER: { protocol: string; hostname: string; port: number };
  DEV_ORIGIN: string;
}

/** webpack.config.js and tools/dev-server.js loaded afresh, the way the webpack CLI loads them. */
function loadFresh(): { factory: ConfigFactory; devServer: DevServerModule } {
  let loaded: { factory: ConfigFactory; devServer: DevServerModule } | undefined;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    loaded = {
      factory: require(path.join(ROOT, "webpack.config.js")) as ConfigFactory,
      devServer: require(path.join(ROOT, "tools", "dev-server.js")) as DevServerModule,
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  if (!loaded) throw new Error("webpack.config.js did not load");
  return loaded;
}

/** What `webpack serve --mode development` (npm run dev-server) configures. */
function serveConfig(factory: ConfigFactory): Promise<WebpackConfig> {
  return factory({ WEBPACK_SERVE: true }, { mode: "development" });
}

/** What `webpack --mode production` (npm run build) configures. */
function buildConfig(factory: ConfigFactory): Promise<WebpackConfig> {
  return factory({ WEBPACK_BUNDLE: true, WEBPACK_BUILD: true }, { mode: "production" });
}

const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageJson;

function installedPackage(name: string): { version: string; bin?: Record<string, string> | string } {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8"));
}

/** Every http(s) URL in manifest.xml (attribute values and texts; namespace declarations aside). */
async function manifestUrls(): Promise<string[]> {
  const parsed = (await parseStringPromise(fs.readFileSync(path.join(ROOT, MANIFEST), "utf8"))) as unknown;
  const urls: string[] = [];
  const visit = (node: unknown, key: string): void => {
    if (typeof node === "string") {
      if (/^https?:/i.test(node.trim()) && !/^xmlns(:|$)/.test(key)) urls.push(node.trim());
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item, key);
    } else if (node && typeof node === "object") {
      for (const [childKey, child] of Object.entries(node)) visit(child, childKey);
    }
  };
  visit(parsed, "");
  return urls;
}

/** The paths a build (and so the dev server) emits: HTML pages and copied files. */
function emittedPaths(config: WebpackConfig): Set<string> {
  const paths = new Set<string>();
  for (const plugin of config.plugins) {
    if (plugin.constructor.name === "HtmlWebpackPlugin") {
      const filename = plugin.userOptions?.filename;
      if (filename) paths.add(filename);
    } else if (plugin.constructor.name === "CopyPlugin" || plugin.constructor.name === "CopyWebpackPlugin") {
      for (const pattern of plugin.patterns ?? []) {
        for (const source of expandFrom(pattern.from)) {
          const parsed = path.posix.parse(source);
          const to = pattern.to ?? parsed.base;
          paths.add(to.replace("[name]", parsed.name).replace("[ext]", parsed.ext));
        }
      }
    }
  }
  return paths;
}

/** A copy pattern's source files: a plain path or `dir/*.ext` (the forms webpack.config.js uses). */
function expandFrom(from: string): string[] {
  const star = /^(.*\/)?\*(\.[A-Za-z0-9]+)$/.exec(from);
  if (!star) {
    if (from.includes("*")) throw new Error(`copy pattern ${from}: extend expandFrom() in this test`);
    return fs.existsSync(path.join(ROOT, from)) ? [from] : [];
  }
  const dir = star[1] ?? "";
  const ext = star[2] ?? "";
  return fs
    .readdirSync(path.join(ROOT, dir))
    .filter((name) => name.endsWith(ext))
    .map((name) => dir + name);
}

beforeEach(() => {
  mockGetHttpsServerOptions.mockClear();
});

describe("package.json scripts", () => {
  const scripts = packageJson.scripts;

  it("keeps npm start as the standalone page on the sample (plain http, no Excel, no certificates)", () => {
    expect(scripts.start).toBe("npm run build --silent && node tools/serve.js --port 3000");
    expect(scripts.build).toBe("webpack --mode production");
  });

  it("serves the task pane for Excel with webpack serve (webpack-dev-server)", () => {
    expect(scripts["dev-server"]).toMatch(/^webpack serve\b/);
    expect(scripts["dev-server"]).toContain("--mode development");
    expect(packageJson.devDependencies["webpack-dev-server"]).toBeDefined();
  });

  it.each([
    ["start:desktop", ["start", MANIFEST, "desktop"]],
    ["start:web", ["start", MANIFEST, "web"]],
    ["stop", ["stop", MANIFEST]],
  ])("%s calls office-addin-debugging on manifest.xml", (name, args) => {
    const [tool, ...rest] = (scripts[name] ?? "").trim().split(/\s+/);
    expect(tool).toBe("office-addin-debugging");
    expect(rest).toEqual(args);
  });

  it("calls tools that are pinned devDependencies and installed at that version", () => {
    for (const name of ["office-addin-debugging", "office-addin-dev-certs", "webpack-dev-server"]) {
      const pinned = packageJson.devDependencies[name];
      expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
      expect(installedPackage(name).version).toBe(pinned);
    }
    const bin = installedPackage("office-addin-debugging").bin;
    expect(typeof bin === "object" && bin !== null ? Object.keys(bin) : []).toContain("office-addin-debugging");
  });

  it("tells office-addin-debugging the dev server's port (it starts `npm run dev-server` itself when nothing listens there)", () => {
    const { devServer } = loadFresh();
    expect(packageJson.config?.dev_server_port).toBe(devServer.DEV_SERVER.port);
  });

  it("installs the placeholder, not the Microsoft 365 Agents Toolkit CLI and its native keytar build", () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { resolved?: string; link?: boolean }>;
    };
    expect(lock.packages["node_modules/@microsoft/m365agentstoolkit-cli"]).toEqual({
      resolved: "tools/m365agentstoolkit-cli-not-needed",
      link: true,
    });
    expect(Object.keys(lock.packages).filter((key) => /(^|\/)keytar$/.test(key))).toEqual([]);
  });
});

describe("the dev server and manifest.xml", () => {
  it("is HTTPS with office-addin-dev-certs' certificate, on this machine only, serving nothing but the build", async () => {
    const { factory, devServer } = loadFresh();
    const config = await serveConfig(factory);
    expect(mockGetHttpsServerOptions).toHaveBeenCalledTimes(1);
    expect(devServer.DEV_SERVER.protocol).toBe("https:");
    expect(config.devServer?.server).toEqual({ type: "https", options: FAKE_HTTPS });
    expect(config.devServer?.host).toBe("localhost");
    expect(config.devServer?.static).toBe(false);
  });

  it("listens on the protocol, host and port of every URL in manifest.xml", async () => {
    const { factory, devServer } = loadFresh();
    const config = await serveConfig(factory);
    const urls = await manifestUrls();
    // SourceLocation, IconUrl, HighResolutionIconUrl, SupportUrl, three bt:Images, three bt:Urls
    expect(urls.length).toBeGreaterThanOrEqual(10);
    expect(urls).toEqual(expect.arrayContaining(["https://localhost:3000/taskpane.html", "https://localhost:3000/commands.html"]));
    for (const url of urls) {
      const parsed = new URL(url);
      expect({ url, protocol: parsed.protocol, host: parsed.hostname, port: parsed.port }).toEqual({
        url,
        protocol: "https:",
        host: config.devServer?.host,
        port: String(config.devServer?.port),
      });
      expect(url.startsWith(devServer.DEV_ORIGIN)).toBe(true);
    }
  });

  it("serves every path manifest.xml names, and the manifest itself (Excel on the web sideloads it from there)", async () => {
    const { factory, devServer } = loadFresh();
    const emitted = emittedPaths(await serveConfig(factory));
    expect(emitted).toContain(MANIFEST);
    for (const url of await manifestUrls()) {
      const relative = url.slice(devServer.DEV_ORIGIN.length);
      expect({ url, served: emitted.has(relative) }).toEqual({ url, served: true });
    }
  });
});

describe("without the dev server", () => {
  it("npm run build never loads office-addin-dev-certs nor configures a dev server", async () => {
    const loadsBefore = mockCertsLoads;
    const { factory } = loadFresh();
    const config = await buildConfig(factory);
    expect(config.devServer).toBeUndefined();
    expect(mockGetHttpsServerOptions).not.toHaveBeenCalled();
    expect(mockCertsLoads).toBe(loadsBefore);
  });

  it("a production manifest (SUJARIT_PUBLIC_URL) keeps no URL of the dev server", async () => {
    const saved = process.env.SUJARIT_PUBLIC_URL;
    process.env.SUJARIT_PUBLIC_URL = "https://sujarit.example.go.th/addin";
    try {
      const { factory, devServer } = loadFresh();
      const config = await buildConfig(factory);
      const copy = config.plugins.flatMap((plugin) => plugin.patterns ?? []).find((pattern) => pattern.from === MANIFEST);
      const transform = copy?.transform;
      if (!transform) throw new Error("webpack.config.js copies manifest.xml without a transform");
      const rewritten = transform(fs.readFileSync(path.join(ROOT, MANIFEST))).toString();
      expect(rewritten).not.toContain(devServer.DEV_ORIGIN);
      expect(rewritten).not.toMatch(/localhost|127\.0\.0\.1/);
      expect(rewritten).toContain("https://sujarit.example.go.th/addin/taskpane.html");
    } finally {
      if (saved === undefined) delete process.env.SUJARIT_PUBLIC_URL;
      else process.env.SUJARIT_PUBLIC_URL = saved;
    }
  });
});
