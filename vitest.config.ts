import {availableParallelism} from "node:os";
import {defineConfig} from "vitest/config";

// CI adds a JSON report (KBM_JSON_REPORT=path) to count passed and failed tests in one line.
const report = process.env.KBM_JSON_REPORT;

export default defineConfig({
  test: {
    reporters: report ? ["default", "json"] : ["default"],
    outputFile: report ? {json: report} : undefined,
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**"],
    environment: "node",
    // One clock and one time zone for every test (design.md §5).
    env: {TZ: "Europe/Berlin"},
    testTimeout: 60_000,
    // Building the real snapshot in a beforeAll reads two large workbooks with exceljs (~10 s on a busy machine).
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest leaves one core free by default: on CI's two cores that is one test file at a time.
    maxWorkers: Math.max(1, availableParallelism())
  }
});
