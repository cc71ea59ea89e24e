/** What every jest project here shares (jest.config.js's three projects and the e2e suite). */
module.exports = {
  testEnvironment: "node", // component tests opt in with a `@jest-environment jsdom` docblock
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        // Extends tsconfig.json (found from rootDir) with these overrides.
        tsconfig: { module: "commonjs", jsx: "react-jsx" },
        diagnostics: { ignoreCodes: [151001] },
      },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "jsx", "json"],
  modulePathIgnorePatterns: ["<rootDir>/dist", "<rootDir>/dist-cli"],
  // the Chromium suite needs a production build and a browser: `npm run test:e2e` (jest.e2e.config.js)
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
};
