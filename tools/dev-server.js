// The development server Excel loads the add-in from: `npm run dev-server` (webpack serve), also
// started by `npm run start:desktop` / `npm run start:web` (office-addin-debugging) when it is not
// running yet. Its origin is the one manifest.xml names everywhere (https://localhost:3000/), and
// production builds rewrite exactly this origin (webpack.config.js, SUJARIT_PUBLIC_URL).
//
// Office loads add-ins only over HTTPS with a certificate the machine trusts, so the server uses
// office-addin-dev-certs (Microsoft's tool; the yo office template does the same): on the first run
// it creates a local certificate authority and a localhost certificate in ~/.office-addin-dev-certs
// and asks the operating system to trust the authority (Windows shows a security prompt, macOS asks
// for the password). `npx office-addin-dev-certs install` does that step on its own,
// `npx office-addin-dev-certs uninstall` undoes it.
//
// Nothing here is loaded by `npm run build` or `npm start` (plain http on 127.0.0.1, tools/serve.js):
// the production build needs no certificates. test/dev-server.test.ts keeps this, package.json's
// scripts and manifest.xml in step.
"use strict";

/** Where the dev server listens; every URL in manifest.xml must be on this origin. */
const DEV_SERVER = Object.freeze({ protocol: "https:", hostname: "localhost", port: 3000 });

/** The origin with its trailing slash, as written in manifest.xml. */
const DEV_ORIGIN = `https://${DEV_SERVER.hostname}:${DEV_SERVER.port}/`;

/**
 * webpack-dev-server options (the `devServer` section) for a certificate and key.
 * @param {{ key: string | Buffer, cert: string | Buffer, ca?: string | Buffer }} httpsOptions
 */
function devServerOptions(httpsOptions) {
  if (!httpsOptions || !httpsOptions.key || !httpsOptions.cert) {
    throw new Error("the dev server needs a certificate and key (office-addin-dev-certs)");
  }
  return {
    host: DEV_SERVER.hostname, // only this machine, as the manifest says
    port: DEV_SERVER.port,
    server: { type: "https", options: httpsOptions },
    // Serve what webpack builds (pages, bundles, assets/, samples/, manifest.xml) and nothing of the
    // repository itself.
    static: false,
    hot: false, // live reload stays on: the page reloads after a rebuild
    headers: { "Access-Control-Allow-Origin": "*" },
  };
}

/**
 * The trusted localhost certificate of office-addin-dev-certs, created and trusted on first use.
 * Required lazily so that nothing else ever loads office-addin-dev-certs.
 * @returns {Promise<{ key: string | Buffer, cert: string | Buffer, ca: string | Buffer }>}
 */
async function trustedHttpsOptions() {
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch {
    throw new Error("the dev server needs office-addin-dev-certs (a devDependency): run npm install");
  }
  const { key, cert, ca } = await devCerts.getHttpsServerOptions();
  return { key, cert, ca };
}

module.exports = { DEV_SERVER, DEV_ORIGIN, devServerOptions, trustedHttpsOptions };
