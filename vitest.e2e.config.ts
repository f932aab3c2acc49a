import {defineConfig} from "vitest/config";

// The browser test runs against a built dist/ (npm run test:e2e builds it first).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    env: {TZ: "Europe/Berlin"},
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false
  }
});
