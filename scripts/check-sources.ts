/**
 * Checks that every source in content/sources/ still opens and that every
 * passage cited in content/claims/ is still on the page it cites; writes the
 * result as a GitHub issue body. Run weekly by .github/workflows/source-check.yml.
 *
 *   node scripts/check-sources.ts [--out source-check-report.md]
 *
 * Exit codes: 0 nothing to fix, 1 links or passages to fix, 2 usage error,
 * 3 the check itself failed. The logic lives in scripts/lib/source-check/.
 */
import { appendFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadContent } from "../src/content-check/load.ts";
import { EXIT, runCli } from "./lib/source-check/cli.ts";
import { createFetchPage, userAgent } from "./lib/source-check/fetch-page.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const { GITHUB_SERVER_URL, GITHUB_REPOSITORY } = process.env;
const repositoryUrl =
  GITHUB_SERVER_URL && GITHUB_REPOSITORY ? `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}` : undefined;

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    root,
    load: loadContent,
    fetchPage: createFetchPage({ userAgent: userAgent(repositoryUrl) }),
    writeFile: (path, text) => writeFileSync(path, text),
    appendFile: (path, text) => appendFileSync(path, text),
    log: (text) => console.log(text),
    error: (text) => console.error(text),
    env: process.env,
  });
} catch (error) {
  // Never exit 1 by accident: the workflow reads 1 as "sources rotted".
  console.error(error);
  process.exitCode = EXIT.failure;
}
