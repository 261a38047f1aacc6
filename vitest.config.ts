import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  test: {
    // Folders the tests make under the system's temporary folder go in one that is removed afterwards.
    globalSetup: ["tests/support/temp-dir.ts"],
    include: ["tests/unit/**/*.test.ts"],
  },
});
