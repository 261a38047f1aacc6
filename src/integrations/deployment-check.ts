/**
 * Refuses a production build (`astro build`) that would ship a broken site:
 * one without its public address (SITE_URL), whose canonical URLs, share
 * links, feeds and data files would all point at localhost, or one that
 * gives readers no way to reach us. `astro dev` needs neither.
 */
import type { AstroIntegration } from "astro";
import { productionBuildProblems } from "../lib/deployment.ts";

export default function deploymentCheck(): AstroIntegration {
  return {
    name: "deployment-check",
    hooks: {
      "astro:config:setup": ({ command, logger }) => {
        if (command !== "build") return;
        const problems = productionBuildProblems();
        if (problems.length === 0) return;
        logger.error(
          `This build cannot be published:\n${problems.map((problem) => `  - ${problem}`).join("\n")}\n` +
            "npm test builds with a test address of its own; CONTRIBUTING.md lists every variable.",
        );
        // As the content check does: the message, without a stack trace under it.
        process.exit(1);
      },
    },
  };
}
