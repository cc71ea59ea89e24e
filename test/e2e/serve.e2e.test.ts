/** tools/serve.js: the static server the e2e suite, bench/render.ts and `npm start` use. */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { repoRoot } from "./browser";

interface Served {
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServer } = require(join(repoRoot(), "tools", "serve.js")) as { startServer(o: { dir?: string; port?: number }): Promise<Served> };

/** A raw request (the path is sent as given, unlike fetch, which resolves "..") */
function get(port: number, path: string, method = "GET"): Promise<{ status: number; type: string | undefined; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body: Buffer.concat(chunks).toString("utf8"), location: res.headers.location }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

let dir: string;
let outside: string;
let served: Served;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sujarit-serve-"));
  outside = mkdtempSync(join(tmpdir(), "sujarit-outside-"));
  writeFileSync(join(outside, "secret.txt"), "secret");
  mkdirSync(join(dir, "samples"));
  mkdirSync(join(dir, "assets"));
  const files: Record<string, string> = {
    "taskpane.html": "<!doctype html><title>t</title>",
    "taskpane.123.js": "console.log(1)",
    "taskpane.123.js.map": "{}",
    "manifest.xml": "<OfficeApp/>",
    "assets/icon-32.png": "png",
    "samples/ไฟล์ plan.xlsx": "PK",
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  symlinkSync(join(outside, "secret.txt"), join(dir, "link.txt"));
  served = await startServer({ dir, port: 0 });
});

afterAll(async () => {
  await served?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

it("listens on an ephemeral 127.0.0.1 port and names the sample page", () => {
  expect(served.port).toBeGreaterThan(0);
  expect(served.url).toBe(`http://127.0.0.1:${served.port}/taskpane.html?sample=1`);
});

it.each([
  ["/taskpane.html?sample=1", "text/html; charset=utf-8"],
  ["/taskpane.123.js", "text/javascript; charset=utf-8"],
  ["/taskpane.123.js.map", "application/json; charset=utf-8"],
  ["/manifest.xml", "application/xml; charset=utf-8"],
  ["/assets/icon-32.png", "image/png"],
  [`/samples/${encodeURIComponent("ไฟล์ plan.xlsx")}`, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
])("serves %s as %s", async (path, type) => {
  const res = await get(served.port, path);
  expect(res.status).toBe(200);
  expect(res.type).toBe(type);
});

it("sends text gzipped to a browser that takes it (the task pane's 1 MB of JS), as is otherwise; never a .xlsx", async () => {
  const fetchWith = (path: string, encoding?: string) =>
    new Promise<{ encoding: string | undefined; vary: string | undefined; body: Buffer }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: served.port, path, agent: false, headers: encoding ? { "Accept-Encoding": encoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ encoding: res.headers["content-encoding"], vary: res.headers.vary, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end();
    });
  const zipped = await fetchWith("/taskpane.123.js", "gzip, deflate, br");
  expect(zipped.encoding).toBe("gzip");
  expect(zipped.vary).toBe("Accept-Encoding");
  expect(gunzipSync(zipped.body).toString("utf8")).toBe("console.log(1)");
  const plain = await fetchWith("/taskpane.123.js");
  expect(plain.encoding).toBeUndefined();
  expect(plain.body.toString("utf8")).toBe("console.log(1)");
  expect((await fetchWith(`/samples/${encodeURIComponent("ไฟล์ plan.xlsx")}`, "gzip")).encoding).toBeUndefined();
});

it("answers HEAD without a body, refuses other methods, redirects / to the sample page", async () => {
  expect(await get(served.port, "/manifest.xml", "HEAD")).toMatchObject({ status: 200, body: "" });
  expect((await get(served.port, "/manifest.xml", "POST")).status).toBe(405);
  expect(await get(served.port, "/")).toMatchObject({ status: 302, location: "/taskpane.html?sample=1" });
});

it.each(["/../package.json", "/..%2f..%2fetc%2fpasswd", "/assets/../../etc/passwd", "/link.txt", "/assets", "/missing.js", "/%E0%A4%A"])(
  "gives 404 for %s (outside dist, a directory, absent, or malformed)",
  async (path) => {
    const res = await get(served.port, path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain("secret");
  },
);

it("close() stops listening even with a connection kept open", async () => {
  const other = await startServer({ dir, port: 0 });
  await new Promise<void>((resolve) => {
    const req = request({ host: "127.0.0.1", port: other.port, path: "/manifest.xml" }, (res) => {
      res.resume();
      resolve();
    });
    req.end();
  });
  await other.close();
  await expect(get(other.port, "/manifest.xml")).rejects.toThrow(/ECONNREFUSED/);
});

it("the command prints the address and serves until stopped; bad options exit 2 with a sentence", async () => {
  const script = join(repoRoot(), "tools", "serve.js");
  const child = spawn(process.execPath, [script, "--port", "0", "--dir", dir], { stdio: ["ignore", "pipe", "pipe"] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("\n")) resolve(out.trim());
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}`)));
  });
  expect(line).toMatch(/^Sujarit: http:\/\/127\.0\.0\.1:\d+\/taskpane\.html\?sample=1$/);
  const port = Number(/:(\d+)\//.exec(line)?.[1]);
  expect((await get(port, "/taskpane.html")).status).toBe(200);
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);

  const bad = spawn(process.execPath, [script, "--bogus"], { stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  bad.stderr.on("data", (c: Buffer) => (err += c.toString()));
  expect(await new Promise<number | null>((resolve) => bad.on("exit", resolve))).toBe(2);
  expect(err).toMatch(/unknown option --bogus/);
});
