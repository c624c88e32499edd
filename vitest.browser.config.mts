import { defineConfig } from "vitest/config";
import path from "node:path";

// Real-browser tests: they start `next start` and drive Debian's Chromium through playwright-core.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/browser/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
