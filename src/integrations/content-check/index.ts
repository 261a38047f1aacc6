/**
 * Runs the content check before Astro loads any content. `astro build` stops
 * with the editor-worded list of problems instead of a schema dump or a stack
 * trace. `astro dev` keeps running: it re-checks on every save under content/
 * and shows the problems in the browser (see middleware.ts) until they are fixed.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from "astro";
import {
  checkContent,
  formatReport,
  inspectContent,
  type ContentFile,
} from "../../content-check/index.ts";
import { setDevCheckState } from "./dev-state.ts";

export interface ContentCheckOptions {
  /** A build's next step once content/ has passed, given the files the check read (builds only). */
  onPassed?: (files: readonly ContentFile[], config: AstroConfig) => void | Promise<void>;
}

export default function contentCheck({ onPassed }: ContentCheckOptions = {}): AstroIntegration {
  let root = "";
  let logger: AstroIntegrationLogger | undefined;
  let lastCount = 0;

  /** Dev server: runs the check, logs it, and shares it with the middleware. */
  const recheck = (changed?: string): void => {
    const before = lastCount;
    const problems = checkContent(root);
    lastCount = problems.length;
    setDevCheckState({ problems, root });
    if (problems.length > 0) logger?.error(formatReport(problems));
    else if (before > 0 || !changed) logger?.info("content/ passed every check");
  };

  return {
    name: "content-check",
    hooks: {
      "astro:config:setup": async ({ command, config, logger: astroLogger, addMiddleware }) => {
        // Preview serves a finished build; it reads no content.
        if (command === "preview") return;
        root = fileURLToPath(config.root);
        logger = astroLogger;
        forgetStaleContent(root, fileURLToPath(config.cacheDir));
        if (command === "dev") {
          addMiddleware({ entrypoint: new URL("./middleware.ts", import.meta.url), order: "pre" });
          recheck();
          return;
        }
        const started = performance.now();
        const { problems, files } = inspectContent(root);
        if (problems.length === 0) {
          // The benchmark reads the time from this line (scripts/lib/build-log.ts).
          const seconds = (performance.now() - started) / 1000;
          astroLogger.info(`content/ passed every check in ${seconds.toFixed(2)} s`);
          // Only a build goes on to its next step (`astro check` and `astro sync` end here).
          if (command === "build") await onPassed?.(files, config);
          return;
        }
        astroLogger.error(formatReport(problems));
        // Printing the report and leaving is clearer than a thrown error,
        // which Astro would show again with a stack trace under it.
        process.exit(1);
      },
      "astro:server:setup": ({ server, refreshContent }) => {
        const content = join(root, "content") + sep;
        server.watcher.on("all", (_event, path) => {
          if (!path.startsWith(content)) return;
          recheck(relative(root, path));
          // The problems page needs no content from Astro: show it at once.
          if (lastCount > 0) {
            server.hot.send({ type: "full-reload" });
            return;
          }
          // Otherwise reload once Astro has re-read content/: its own reload
          // can come first and render the entries it still holds (an old
          // rating, or a claim whose source it has not yet read back).
          void Promise.resolve(refreshContent?.({})).finally(() =>
            server.hot.send({ type: "full-reload" }),
          );
        });
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
