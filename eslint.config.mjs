// ESLint 9 flat config.
//
// eslint-plugin-office-addins ships flat configs (`configs.recommended`, `configs.react`), but they
// also turn on `prettier/prettier` as an error and only give *.tsx files the TypeScript parser by
// accident of order, so its rules are enabled here directly instead.
//
// typescript-eslint and eslint-plugin-react come with eslint-plugin-office-addins; @eslint/js
// comes with eslint.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import local from "./tools/eslint-local/code-layering.mjs";

const OFFICE_GLOBALS = ["Excel", "Office", "OfficeExtension"];

/** Files allowed to touch the Office globals: the Office host adapter and office.js bootstraps. */
const OFFICE_GLOBAL_ALLOWED = [
  "src/hosts/office/**",
  "src/taskpane/index.tsx",
  "src/commands/**",
  "test/hosts/office/**", // tests of the Office adapter build fakes of these globals
];

const NODE_GLOBALS = {
  require: "readonly",
  module: "writable",
  exports: "writable",
  __dirname: "readonly",
  __filename: "readonly",
  process: "readonly",
  console: "readonly",
  Buffer: "readonly",
  setTimeout: "readonly",
  clearTimeout: "readonly",
};

export default tseslint.config(
  {
    ignores: ["dist/**", "dist-cli/**", "node_modules/**", "coverage/**", "test-artifacts/**"],
  },

  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // typescript-eslint 8.8 (pinned by eslint-plugin-office-addins) wraps the core rule without
    // passing its defaults, which crashes on ESLint >= 9.15 unless the options are spelled out.
    rules: {
      "@typescript-eslint/no-unused-expressions": [
        "error",
        { allowShortCircuit: false, allowTernary: false, allowTaggedTemplates: false, enforceForJSX: false },
      ],
    },
  },

  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    rules: {
      // TypeScript reports undefined names itself (and knows the DOM, Node and office-js types).
      "no-undef": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },

  // Plain Node scripts and configs (CommonJS).
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: NODE_GLOBALS },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: NODE_GLOBALS },
  },

  // React (task pane and app components).
  {
    files: ["**/*.tsx"],
    ...react.configs.flat.recommended,
    settings: { react: { version: "detect" } },
  },
  {
    files: ["**/*.tsx"],
    ...react.configs.flat["jsx-runtime"],
  },
  {
    files: ["**/*.tsx"],
    rules: { "react/prop-types": "off" },
  },

  // Office add-in rules (the ones eslint-plugin-office-addins' recommended config enables).
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },

  // Architecture: the core (domain, workbook) is pure TypeScript with no I/O, UI or host code.
  {
    files: ["src/domain/**", "src/workbook/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "exceljs", message: "domain/ and workbook/ stay free of exceljs: use src/hosts/xlsx." },
            { name: "react", message: "domain/ and workbook/ stay free of UI code." },
            { name: "react-dom", message: "domain/ and workbook/ stay free of UI code." },
            { name: "fs", message: "domain/ and workbook/ do no I/O." },
            { name: "node:fs", message: "domain/ and workbook/ do no I/O." },
            { name: "fs/promises", message: "domain/ and workbook/ do no I/O." },
            { name: "node:fs/promises", message: "domain/ and workbook/ do no I/O." },
            { name: "path", message: "domain/ and workbook/ do no I/O." },
            { name: "node:path", message: "domain/ and workbook/ do no I/O." },
          ],
          patterns: [
            { group: ["exceljs/*"], message: "domain/ and workbook/ stay free of exceljs." },
            { group: ["react/*", "react-dom/*", "@fluentui/*"], message: "domain/ and workbook/ stay free of UI code." },
            { regex: "(^|/)hosts(/|$)", message: "domain/ and workbook/ must not depend on src/hosts." },
          ],
        },
      ],
    },
  },

  // Architecture: domain ← workbook ← app ← hosts ← cli / taskpane, each layer's allow-list in the rule.
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { local },
    rules: { "local/code-layering": "error" },
  },

  // Architecture: only the Office host adapter (and office.js bootstraps) touch Excel/Office.
  {
    files: ["**/*.{ts,tsx,mts,cts,js,mjs,cjs}"],
    ignores: OFFICE_GLOBAL_ALLOWED,
    rules: {
      "no-restricted-globals": [
        "error",
        ...OFFICE_GLOBALS.map((name) => ({
          name,
          message: `Only src/hosts/office/ may use the ${name} global; go through the workbook port.`,
        })),
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: `MemberExpression[object.name=/^(window|globalThis|self)$/][property.name=/^(${OFFICE_GLOBALS.join("|")})$/]`,
          message: "Only src/hosts/office/ may use the Office globals; go through the workbook port.",
        },
        {
          // Type positions (Excel.Range, typeof Office), which no-restricted-globals does not see.
          selector: `TSQualifiedName > Identifier.left[name=/^(${OFFICE_GLOBALS.join("|")})$/], TSTypeQuery > Identifier.exprName[name=/^(${OFFICE_GLOBALS.join("|")})$/]`,
          message: "Only src/hosts/office/ may use the office-js types; define what you need in the workbook port.",
        },
      ],
    },
  },
);
