/**
 * Writes dist/_headers (read by Netlify, Cloudflare Pages and similar hosts)
 * after each build. Astro does not route files that start with an underscore,
 * so this cannot be a page.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { headersFile } from "../lib/security.ts";

/**
 * Written after Astro exits, by scripts/finish-build.ts (`npm run build`), so
 * not yet here: the claims' social cards and the search index.
 */
const WRITTEN_AFTER_ASTRO = ["cards", "pagefind"];

export default function securityHeaders(): AstroIntegration {
  let base = "/";
  return {
    name: "security-headers",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.replace(/\/?$/, "/");
      },
      "astro:build:done": ({ dir, logger }) => {
        const topLevel = readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.name !== "_headers" && !WRITTEN_AFTER_ASTRO.includes(entry.name))
          .map((entry) => ({ name: entry.name, folder: entry.isDirectory() }));
        topLevel.push(...WRITTEN_AFTER_ASTRO.map((name) => ({ name, folder: true })));
        writeFileSync(fileURLToPath(new URL("_headers", dir)), headersFile(base, topLevel));
        logger.info("wrote _headers");
      },
    },
  };
}
