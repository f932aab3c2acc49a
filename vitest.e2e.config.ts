import {defineConfig} from "vitest/config";

// CI adds a JSON report (KBM_JSON_REPORT=path) to count passed and failed tests in one line.
const report = process.env.KBM_JSON_REPORT;

// The browser test runs against a built dist/ (npm run test:e2e builds it first).
export default defineConfig({
  test: {
    reporters: report ? ["default", "json"] : ["default"],
    outputFile: report ? {json: report} : undefined,
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    env: {TZ: "Europe/Berlin"},
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false
  }
});
