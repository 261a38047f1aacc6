/**
 * What CI does for an editorial pull request, read from the workflow and the
 * CI script, so a refactor cannot quietly drop it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
const steps = (parse(read(".github/workflows/ci.yml")) as { jobs: { test: { steps: Step[] } } })
  .jobs.test.steps;
const index = (match: (step: Step) => boolean) => steps.findIndex(match);

describe("CI for a pull request", () => {
  test("writes what readers will see change to the job summary, before the tests", () => {
    const review = index((step) => step.run === 'npm run review -- --out "$GITHUB_STEP_SUMMARY"');
    expect(review).toBeGreaterThanOrEqual(0);
    expect(steps[review]?.if).toContain("pull_request");
    expect(review).toBeLessThan(index((step) => step.run === "bash .ci/run"));
  });

  test("uploads the built site for reviewers, even when a test failed", () => {
    const upload =
      steps[index((step) => step.uses?.startsWith("actions/upload-artifact@") ?? false)];
    expect(upload?.uses, "pinned to a commit").toMatch(/@[0-9a-f]{40}$/);
    expect(upload?.with?.["path"]).toBe("dist/");
    expect(upload?.if).toContain("always()");
  });

  test("fails when npm install on a fresh clone changes a tracked file", () => {
    const script = read(".ci/run");
    const install = script.indexOf("\nnpm install ");
    expect(install).toBeGreaterThan(script.indexOf("\nnpm ci"));
    expect(script.slice(install)).toMatch(/git status --porcelain[\s\S]*exit 1/);
  });
});

describe("the social-card cache in CI and deployment", () => {
  // The cache's entries are named by a hash of the design and their input, so
  // a stale card is never used; but a key that misses a design file would
  // keep restoring a folder of cards no build can use.
  test.each([".github/workflows/ci.yml", ".github/workflows/deploy.yml"])(
    "%s keys the cache on every file of the card design",
    async (workflow) => {
      const { designFiles } = await import("@/lib/social-card-pool");
      const text = read(workflow);
      const key = /key: social-cards-\$\{\{ hashFiles\(([^)]*)\) \}\}/.exec(text)?.[1];
      expect(key, `${workflow} has no social-cards cache key`).toBeDefined();
      const hashed = [...(key ?? "").matchAll(/'([^']+)'/g)].map(([, file]) => file);
      const design = designFiles().map((file) => file.slice(process.cwd().length + 1));
      expect(hashed).toEqual(
        expect.arrayContaining([...design, "src/styles/global.css", "package-lock.json"]),
      );
    },
  );

  // hashFiles reads each file, through a symbolic link a pull request could
  // commit (to /dev/zero); content is fingerprinted from git's record instead.
  test.each([".github/workflows/ci.yml", ".github/workflows/deploy.yml"])(
    "%s never reads content/ to make the key",
    (workflow) => {
      const text = read(workflow);
      expect(text).not.toMatch(/hashFiles\([^)]*content\//);
      expect(text).toContain("git ls-files -s content/claims content/story");
      expect(text).toMatch(/key: social-cards-.*-\$\{\{ steps\.claims\.outputs\.hash \}\}/);
    },
  );
});
