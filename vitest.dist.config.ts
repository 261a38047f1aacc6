import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Checks over the built files in dist/ (or DIST_DIR): run after `npm run build`.
export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  test: {
    include: ["tests/dist/**/*.test.ts"],
  },
});
