#!/usr/bin/env node
// A static file server for the production build (dist/), bound to 127.0.0.1. Plain Node, no deps.
//
//   node tools/serve.js [--port N] [--dir dist]     (port 0 = any free port; default 3000)
//
// Prints "Sujarit: http://127.0.0.1:PORT/taskpane.html?sample=1" once listening. The e2e tests and
// bench/render.ts use startServer({ dir, port }) → Promise<{ url, port, close }>.
//
// Bounded: GET and HEAD only, paths resolved inside `dir` (no traversal, no symlinked escapes, no
// directory listings), at most MAX_CONNECTIONS open sockets, idle sockets closed after a timeout,
// and close() ends every open connection so the process can exit.
"use strict";

const http = require("http");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/** Text the browser may take gzipped; compressed once per file version and kept (dist/ is a few MB). */
const COMPRESSIBLE = new Set([".html", ".htm", ".js", ".css", ".json", ".map", ".svg", ".xml", ".txt"]);
const gzipped = new Map();
function gzipOf(file, mtime) {
  const key = `${file}|${mtime.getTime()}`;
  let body = gzipped.get(key);
  if (!body) {
    body = zlib.gzipSync(fs.readFileSync(file), { level: 6 });
    gzipped.set(key, body);
  }
  return body;
}

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".pdf": "application/pdf",
  ".wasm": "application/wasm",
};

const MAX_CONNECTIONS = 64;
const IDLE_TIMEOUT_MS = 30_000;

function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
}

function send(res, status, text, method) {
  const body = Buffer.from(text + "\n", "utf8");
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": body.length,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(method === "HEAD" ? undefined : body);
}

/** The real path of the file a URL path names inside root, or null when it is outside or absent. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  if (decoded.endsWith("/")) decoded += "index.html";
  const candidate = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  let real;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    return null;
  }
  if (real !== root && !real.startsWith(root + path.sep)) return null;
  let stat;
  try {
    stat = fs.statSync(real);
  } catch {
    return null;
  }
  return stat.isFile() ? { file: real, size: stat.size, mtime: stat.mtime } : null;
}

/**
 * Serves `dir` on 127.0.0.1:`port` (0 = ephemeral). Resolves once listening.
 * @param {{ dir?: string, port?: number, quiet?: boolean }} [options]
 * @returns {Promise<{ url: string, origin: string, port: number, close: () => Promise<void> }>}
 */
function startServer(options = {}) {
  const dir = path.resolve(options.dir || path.join(__dirname, "..", "dist"));
  const port = options.port === undefined ? 3000 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return Promise.reject(new Error(`port must be an integer from 0 to 65535, got ${options.port}`));
  }
  let root;
  try {
    root = fs.realpathSync(dir);
    if (!fs.statSync(root).isDirectory()) throw new Error("not a directory");
  } catch {
    return Promise.reject(new Error(`cannot serve ${dir}: no such directory (run npm run build first)`));
  }

  const sockets = new Set();
  const server = http.createServer((req, res) => {
    const method = req.method || "GET";
    if (method !== "GET" && method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      send(res, 405, "method not allowed", method);
      return;
    }
    const urlPath = (req.url || "/").split("?")[0].split("#")[0];
    if (urlPath === "/" && !fs.existsSync(path.join(root, "index.html"))) {
      res.writeHead(302, { Location: "/taskpane.html?sample=1", "Content-Length": 0 });
      res.end();
      return;
    }
    const found = resolveInside(root, urlPath);
    if (!found) {
      send(res, 404, "not found", method);
      return;
    }
    const gzip = COMPRESSIBLE.has(path.extname(found.file).toLowerCase()) && /\bgzip\b/.test(String(req.headers["accept-encoding"] || ""));
    const body = gzip ? gzipOf(found.file, found.mtime) : undefined;
    res.writeHead(200, {
      "Content-Type": contentType(found.file),
      "Content-Length": body ? body.length : found.size,
      ...(body ? { "Content-Encoding": "gzip" } : {}),
      Vary: "Accept-Encoding",
      "Last-Modified": found.mtime.toUTCString(),
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    });
    if (method === "HEAD") {
      res.end();
      return;
    }
    if (body) {
      res.end(body);
      return;
    }
    const stream = fs.createReadStream(found.file);
    stream.on("error", () => res.destroy());
    res.on("close", () => stream.destroy());
    stream.pipe(res);
  });
  server.maxConnections = MAX_CONNECTIONS;
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = IDLE_TIMEOUT_MS;
  server.headersTimeout = IDLE_TIMEOUT_MS;
  server.setTimeout(IDLE_TIMEOUT_MS, (socket) => socket.destroy());
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      const address = server.address();
      const origin = `http://127.0.0.1:${address.port}`;
      let closing = null;
      const close = () => {
        if (!closing) {
          closing = new Promise((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          });
        }
        return closing;
      };
      resolve({ url: `${origin}/taskpane.html?sample=1`, origin, port: address.port, close });
    });
  });
}

function parseArgs(argv) {
  const options = { port: 3000, dir: path.join(__dirname, "..", "dist") };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      const v = inline !== undefined ? inline : argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === "--port" || flag === "-p") options.port = Number(value());
    else if (flag === "--dir" || flag === "-d") options.dir = path.resolve(value());
    else if (flag === "--help" || flag === "-h") options.help = true;
    else throw new Error(`unknown option ${arg} (usage: node tools/serve.js [--port N] [--dir dist])`);
  }
  return options;
}

if (require.main === module) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`serve: ${error.message}`);
    process.exit(2);
  }
  if (options.help) {
    console.log("usage: node tools/serve.js [--port N] [--dir dist]   (port 0 = any free port)");
    process.exit(0);
  }
  startServer(options).then(
    (served) => {
      console.log(`Sujarit: ${served.url}`);
      const stop = () => served.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
    (error) => {
      console.error(`serve: ${error.code === "EADDRINUSE" ? `port ${options.port} is in use` : error.message}`);
      process.exit(2);
    },
  );
}

module.exports = { startServer, contentType, CONTENT_TYPES };
