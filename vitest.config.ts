import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**"],
    environment: "node",
    // One clock and one time zone for every test (design.md §5).
    env: {TZ: "Europe/Berlin"},
    testTimeout: 60_000,
    pool: "forks"
  }
});
