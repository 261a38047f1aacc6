import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { contactRoutes, productionBuildProblems, repositoryUrl } from "@/lib/deployment";

const REPOSITORY = { REPOSITORY_URL: "https://github.com/o/r" } as const;
/** Stands for a checkout whose git origin is not on GitHub. */
const noOrigin = () => undefined;

describe("a production build", () => {
  test("is refused without SITE_URL, with a message naming it", () => {
    const problems = productionBuildProblems({ ...REPOSITORY });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SITE_URL is not set, .*localhost.* Set SITE_URL to/);
  });

  test("is refused when readers could not reach anyone, naming CONTACT_EMAIL", () => {
    const problems = productionBuildProblems({ SITE_URL: "https://claims.test" }, noOrigin);
    expect(problems).toEqual([expect.stringContaining("set CONTACT_EMAIL to the address")]);
  });

  test("is refused with a mistyped CONTACT_EMAIL", () => {
    expect(
      productionBuildProblems({
        SITE_URL: "https://claims.test",
        CONTACT_EMAIL: "corrections at claims.test",
        ...REPOSITORY,
      }),
    ).toEqual([expect.stringMatching(/^CONTACT_EMAIL is "corrections at claims\.test"/)]);
  });

  test("may go ahead with an address and either contact route", () => {
    expect(productionBuildProblems({ SITE_URL: "https://claims.test", ...REPOSITORY })).toEqual([]);
    expect(
      productionBuildProblems(
        {
          SITE_URL: "https://claims.test",
          CONTACT_EMAIL: "corrections@claims.test",
        },
        noOrigin,
      ),
    ).toEqual([]);
  });
});

test("the correction form is the repository's correction issue template", () => {
  expect(contactRoutes("https://github.com/o/r", {}).correctionForm).toBe(
    "https://github.com/o/r/issues/new?template=correction.yml",
  );
});

test("astro build stops before building anything when SITE_URL and every contact route are missing", () => {
  const outDir = mkdtempSync(join(tmpdir(), "refused-build-"));
  const env: NodeJS.ProcessEnv = { ...process.env, OUT_DIR: outDir };
  for (const name of [
    "SITE_URL",
    "CONTACT_EMAIL",
    "REPOSITORY_URL",
    "GITHUB_SERVER_URL",
    "GITHUB_REPOSITORY",
  ])
    delete env[name];
  const run = spawnSync(process.execPath, ["node_modules/.bin/astro", "build"], {
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  const output = run.stdout + run.stderr;
  expect(run.status, output).toBe(1);
  expect(output).toContain("This build cannot be published");
  expect(output).toContain("Set SITE_URL to the address the site is published at");
  // A checkout whose origin is on GitHub has the correction form as its route.
  if (!repositoryUrl(env)) expect(output).toContain("set CONTACT_EMAIL");
  expect(readdirSync(outDir)).toEqual([]);
  rmSync(outDir, { recursive: true });
  // Astro starts in a second or two; a busy machine takes longer.
}, 60_000);
