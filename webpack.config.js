// webpack 5 build of the Excel add-in pages: the task pane and the ribbon function file.
//
//   npm run build        production build into dist/ (no dev certificates needed)
//   npm run build:dev    development build into dist/
//
//   npm run dev-server   webpack serve: the same pages over HTTPS at https://localhost:3000/ for Excel
//                        (tools/dev-server.js; README "Running in Excel")
//
// In production builds, set SUJARIT_PUBLIC_URL (e.g. https://sujarit.example.go.th/addin/) to
// rewrite the development origin https://localhost:3000/ in dist/manifest.xml; unset, the
// manifest is copied unchanged.
//
// `webpack serve` is the only mode that needs HTTPS dev certificates (office-addin-dev-certs); they
// are asked for only in that mode, so `npm run build` never touches certificates.
//
// exceljs (standalone browser mode, later): import its browser build `exceljs/dist/exceljs.min.js`
// rather than the Node entry point; then no `resolve.fallback` polyfills for Node core modules
// (stream, zlib, fs, ...) are needed here.

const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { DEV_ORIGIN, devServerOptions, trustedHttpsOptions } = require("./tools/dev-server");

/** The public base URL for production manifests, with exactly one trailing slash, or null. */
function publicUrlFromEnvironment() {
  const value = (process.env.SUJARIT_PUBLIC_URL || "").trim();
  if (!value) return null;
  if (!/^https:\/\//i.test(value)) {
    throw new Error(`SUJARIT_PUBLIC_URL must be an https:// URL (Office requires HTTPS), got "${value}"`);
  }
  return value.replace(/\/+$/, "") + "/";
}

module.exports = async (env = {}, argv = {}) => {
  const isProduction = argv.mode === "production";
  const publicUrl = isProduction ? publicUrlFromEnvironment() : null;

  /** @type {import("webpack").Configuration} */
  const config = {
    mode: isProduction ? "production" : "development",
    devtool: isProduction ? "source-map" : "eval-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // exceljs's package entry is its Node build (streams, zlib, fs); the browser gets its own
      // self-contained build, loaded as a separate chunk only when a file is opened (standalone mode).
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: "tsconfig.json" },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // the bundled sample, which standalone mode opens with ?sample=1 (npm start)
          { from: "samples/*.xlsx", to: "samples/[name][ext]" },
          // the manifest's SupportUrl and GetStarted "learn more" page
          { from: "src/help/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (!publicUrl) return content;
              return content.toString("utf8").split(DEV_ORIGIN).join(publicUrl);
            },
          },
        ],
      }),
    ],
    performance: { hints: false },
  };

  if (env.WEBPACK_SERVE) {
    // Only the dev server needs trusted localhost certificates.
    config.devServer = devServerOptions(await trustedHttpsOptions());
  }

  return config;
};
