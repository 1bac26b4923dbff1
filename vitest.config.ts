import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Browser and build tests share _site fixtures; files run in parallel, tests in a file in order.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
