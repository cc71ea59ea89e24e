/**
 * Three projects: every suite on a fake Excel with ExcelApi 1.1–1.9 (Office 2019's ceiling), and the
 * Excel host's contract, host and component suites again on the manifest's minimum (1.7) and on every
 * set ("all", Excel on the web and Microsoft 365 today) — issue 12: requirement sets mean "at least".
 */
const base = require("./jest.base.js");

/** The suites that run the Excel host on the fake: its contract, the host's own tests, the task pane. */
const EXCEL_SUITES = [
  "<rootDir>/test/workbook/contract.test.ts",
  "<rootDir>/test/workbook/report-spec.test.ts",
  "<rootDir>/test/hosts/office/*.test.ts",
  "<rootDir>/test/taskpane/*.test.tsx",
];

/** @type {import("jest").Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    { ...base, displayName: "ExcelApi 1.9", testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"] },
    { ...base, displayName: "ExcelApi 1.7", testMatch: EXCEL_SUITES, setupFiles: ["<rootDir>/test/support/profiles/excel-api-1.7.js"] },
    { ...base, displayName: "ExcelApi all", testMatch: EXCEL_SUITES, setupFiles: ["<rootDir>/test/support/profiles/excel-api-all.js"] },
  ],
};
