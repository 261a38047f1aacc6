/**
 * Runs the content check before Astro loads any content, so a bad edit stops
 * `astro build` and `astro dev` with the editor-worded list of problems
 * instead of a schema dump or a stack trace.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { checkContent, formatReport } from "../content-check/index.ts";

export default function contentCheck(): AstroIntegration {
  return {
    name: "content-check",
    hooks: {
      "astro:config:setup": ({ command, config, logger }) => {
        // Preview serves a finished build; it reads no content.
        if (command === "preview") return;
        const root = fileURLToPath(config.root);
        forgetStaleContent(root, fileURLToPath(config.cacheDir));
        const started = performance.now();
        const problems = checkContent(root);
        if (problems.length === 0) {
          // The benchmark reads the time from this line (scripts/lib/build-log.ts).
          const seconds = (performance.now() - started) / 1000;
          logger.info(`content/ passed every check in ${seconds.toFixed(2)} s`);
          return;
        }
        const report = formatReport(problems);
        logger.error(report);
        // Printing the report and leaving is clearer than a thrown error,
        // which Astro would show again with a stack trace under it.
        process.exit(1);
      },
    },
  };
}

/**
 * Astro caches parsed entries and re-parses a file only when the file or
 * src/content.config.ts changes. The schemas live in src/schemas/ (shared with
 * the content check, and holding the rating scale), so a schema edit must clear that cache by hand, or
 * entries keep the shape of the old schema (missing new defaults, say).
 */
function forgetStaleContent(root: string, cacheDir: string): void {
  const folder = join(root, "src", "schemas");
  const hash = createHash("sha256");
  for (const name of readdirSync(folder).sort()) hash.update(readFileSync(join(folder, name)));
  const digest = hash.digest("hex");
  const marker = join(cacheDir, "content-schema.sha256");
  if (existsSync(marker) && readFileSync(marker, "utf8") === digest) return;
  rmSync(join(cacheDir, "data-store.json"), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(marker, digest);
}
