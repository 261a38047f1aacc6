// @ts-check
import eslint from "@eslint/js";
import astro from "eslint-plugin-astro";
import tseslint from "typescript-eslint";
import { defineConfig } from "eslint/config";

export default defineConfig(
  {
    ignores: [
      "dist/**",
      "dist-subpath/**",
      ".astro/",
      "node_modules/",
      "playwright-report/",
      "test-results/",
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    files: ["**/*.{js,mjs,ts}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    files: ["tests/**/*.ts"],
    rules: {
      // A missing fixture value should throw at once; the test fails either way.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Tests delete required properties to build invalid inputs on purpose.
      "@typescript-eslint/no-dynamic-delete": "off",
    },
  },
);
