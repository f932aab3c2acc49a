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
    // One file at a time: the browser work is CPU-bound, two files at once on CI's two cores
    // took as long and let a site build in one file starve a page check in the other.
    fileParallelism: false
  }
});
