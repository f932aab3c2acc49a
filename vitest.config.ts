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
    // Test files share a worker's module cache: no test mocks modules, stubs env or changes the
    // working directory (nothing to leak), and re-importing DuckDB, zod and the pipelines for each
    // of ~110 files cost 44 s of a 223 s run on two cores (179 s without).
    isolate: false,
    // Vitest leaves one core free by default: on CI's two cores that is one test file at a time.
    maxWorkers: Math.max(1, availableParallelism())
  }
});
