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
    // Two files at a time: most of a browser test is waiting (network idle, drawing), so two
    // share the CI machine's two cores well; the suite takes about half as long.
    fileParallelism: true,
    maxWorkers: 2
  }
});
