/**
 * Runs the content check before Astro loads any content, so a bad edit stops
 * `astro build` and `astro dev` with the editor-worded list of problems
 * instead of a schema dump or a stack trace.
 */
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { checkContent, formatReport } from "../lib/content-check/index.ts";

export default function contentCheck(): AstroIntegration {
  return {
    name: "content-check",
    hooks: {
      "astro:config:setup": ({ config, logger }) => {
        const problems = checkContent(fileURLToPath(config.root));
        if (problems.length === 0) {
          logger.info("content/ passed every check");
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
