// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { satteri } from "@astrojs/markdown-satteri";
import tailwindcss from "@tailwindcss/vite";
import { MDX_FEATURES } from "./src/content-check/allow-list.ts";
import { emitGuard } from "./src/content-check/emit-guard.ts";
import { headingIds } from "./src/content-check/heading-ids.ts";
import contentCheck from "./src/integrations/content-check/index.ts";
import deploymentCheck from "./src/integrations/deployment-check.ts";
import securityHeaders from "./src/integrations/security-headers.ts";
import socialCards, { startSocialCards } from "./src/integrations/social-cards/index.ts";

export default defineConfig({
  // `astro dev` serves at this address; `astro build` refuses to run without
  // SITE_URL (src/integrations/deployment-check.ts), so no build ships it.
  site: process.env.SITE_URL ?? "http://localhost:4321",
  base: process.env.BASE_PATH ?? "/",
  // A second build (the sub-path deployment test) goes to its own folder.
  outDir: process.env.OUT_DIR ?? "./dist",
  trailingSlash: "always",
  // Once content/ passes its check, the social cards start drawing beside
  // Astro (src/integrations/social-cards/). The cards still missing, and the
  // search index, are made after Astro exits (scripts/finish-build.ts, in
  // `npm run build`), so that their memory does not add to Astro's.
  integrations: [
    deploymentCheck(),
    contentCheck({ onPassed: startSocialCards }),
    socialCards(),
    mdx(),
    sitemap(),
    securityHeaders(),
  ],
  markdown: {
    // The content check parses with the same features, and the emit guard
    // fails the build if the compiler's output for content holds anything
    // outside the allow-list (src/content-check/allow-list.ts).
    processor: satteri({ features: MDX_FEATURES, hastPlugins: [emitGuard, headingIds] }),
    // Content has no code to highlight; a highlighter would add classes and styles.
    syntaxHighlight: false,
  },
  vite: {
    plugins: [tailwindcss()],
    build: {
      // The search script imports Pagefind at run time; Vite's preload helper
      // is neither needed nor defined for that import.
      modulePreload: false,
      // Keep scripts in files so the Content-Security-Policy needs no inline
      // script allowance.
      assetsInlineLimit: 0,
      rollupOptions: {
        // Astro marks every MDX module with a "use astro:head-inject"
        // directive that the bundler then warns about, once per content file;
        // the warning names editors' files but is Astro's own concern, and it
        // would bury the messages editors must act on. Everything else is shown.
        onwarn(warning, warn) {
          if (
            warning.code === "MODULE_LEVEL_DIRECTIVE" &&
            warning.message.includes("astro:head-inject")
          )
            return;
          warn(warning);
        },
      },
    },
  },
});
