/**
 * Builds the Pagefind search index from the finished site, so every
 * `astro build` ships a search that matches its pages. Only content marked
 * `data-pagefind-body` (claims and sources) is indexed.
 */
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";

export default function searchIndex(): AstroIntegration {
  return {
    name: "search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(added.errors.join("; "));
          const written = await index.writeFiles({ outputPath: `${site}pagefind` });
          if (written.errors.length > 0) throw new Error(written.errors.join("; "));
          // The benchmark reads the time from this line (scripts/lib/build-log.ts).
          const seconds = (performance.now() - started) / 1000;
          logger.info(`indexed ${added.page_count} pages for search in ${seconds.toFixed(2)} s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
