// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import contentCheck from "./src/integrations/content-check.ts";
import searchIndex from "./src/integrations/search-index.ts";
import securityHeaders from "./src/integrations/security-headers.ts";

export default defineConfig({
  site: process.env.SITE_URL ?? "http://localhost:4321",
  base: process.env.BASE_PATH ?? "/",
  // A second build (the sub-path deployment test) goes to its own folder.
  outDir: process.env.OUT_DIR ?? "./dist",
  trailingSlash: "always",
  integrations: [contentCheck(), mdx(), sitemap(), searchIndex(), securityHeaders()],
  vite: {
    plugins: [tailwindcss()],
    build: {
      // The search script imports Pagefind at run time; Vite's preload helper
      // is neither needed nor defined for that import.
      modulePreload: false,
      // Keep scripts in files so the Content-Security-Policy needs no inline
      // script allowance.
      assetsInlineLimit: 0,
    },
  },
});
