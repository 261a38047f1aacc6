/**
 * `npm run check:content`, run as an editor runs it: in a checkout on a
 * feature branch, with the content check, the corrections rule and the
 * formatting of what the editor changed in one pass.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { fixtureRoot } from "./fixtures";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const SCRIPT = join(REPO, "scripts/check-content.ts");
const CLAIM = "content/claims/fixture-claim.mdx";
const SOURCE = "content/sources/agency-report.yaml";

/** The valid fixture site committed on main, checked out on a feature branch. */
function checkout(): string {
  const root = fixtureRoot("valid");
  // The project's formatting rules, minus the plugins (they format code, not content).
  const rules = JSON.parse(readFileSync(join(REPO, ".prettierrc.json"), "utf8")) as Record<
    string,
    unknown
  >;
  delete rules["plugins"];
  writeFileSync(join(root, ".prettierrc.json"), JSON.stringify(rules));
  copyFileSync(join(REPO, ".prettierignore"), join(root, ".prettierignore"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "editor@example.org");
  git("config", "user.name", "Editor");
  execFileSync(join(REPO, "node_modules/.bin/prettier"), ["--write", "content"], {
    cwd: root,
    stdio: "ignore",
  });
  git("add", ".");
  git("commit", "-q", "-m", "Site");
  git("checkout", "-q", "-b", "edit");
  return root;
}

const run = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, BASE_REF: "main", GITHUB_BASE_REF: "" },
  });

describe("npm run check:content", { timeout: 30_000 }, () => {
  test("says the change is ready when everything passes", () => {
    const result = run(checkout());
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Ready for a pull request");
    expect(result.stdout).toContain("compared with main");
  });

  test("reports an unformatted changed file with the command that fixes it, and --fix fixes it", () => {
    const root = checkout();
    const path = join(root, SOURCE);
    const tidy = readFileSync(path, "utf8");
    writeFileSync(path, tidy.replace("publisher: ", "publisher:    "));
    const failed = run(root);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain(
      `${SOURCE}: is not in the house format (line wrapping, quotes, spacing); run npm run check:content -- --fix`,
    );
    const fixed = run(root, "--fix");
    expect(fixed.status).toBe(0);
    expect(readFileSync(path, "utf8")).toBe(tidy);
  });

  test("never runs a formatter settings file a pull request puts in content/, and refuses it", () => {
    const root = checkout();
    const marker = join(root, "ran.txt");
    writeFileSync(
      join(root, "content/.prettierrc.mjs"),
      `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "ran");\nexport default {};\n`,
    );
    // A changed YAML file is what makes the command format, with settings.
    writeFileSync(join(root, SOURCE), `${readFileSync(join(root, SOURCE), "utf8")}\n`);
    const result = run(root);
    expect(existsSync(marker)).toBe(false);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "content/.prettierrc.mjs: is not in a content folder; content/ holds only the folders",
    );
  });

  // --fix once rewrote a file outside the repository through a link in
  // content/, and read /dev/zero until it ran out of memory.
  test("--fix never follows a symbolic link out of the repository, nor reads a device", () => {
    const root = checkout();
    const outside = join(fixtureRoot("valid"), "outside.yaml");
    writeFileSync(outside, "a:    1\n");
    symlinkSync(outside, join(root, "content/sources/zz-link.yaml"));
    symlinkSync("/dev/zero", join(root, "content/sources/zz-zero.yaml"));
    execFileSync("git", ["add", "."], { cwd: root, stdio: "ignore" });
    const result = run(root, "--fix");
    expect(readFileSync(outside, "utf8")).toBe("a:    1\n");
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("content/sources/zz-link.yaml");
    expect(result.stdout).toContain("content/sources/zz-zero.yaml");
    expect(result.stdout).not.toContain("is not in the house format");
  });

  test("leaves MDX prose as the editor wrapped it", () => {
    const root = checkout();
    const path = join(root, CLAIM);
    const long =
      'A sentence long enough to pass eighty columns, which links <ClaimLink id="fixture-claim">itself</ClaimLink> mid-line.';
    writeFileSync(path, `${readFileSync(path, "utf8")}\n${long}\n`);
    run(root, "--fix");
    expect(readFileSync(path, "utf8")).toContain(long);
  });

  test("applies the corrections rule to the editor's change", () => {
    // (A rating the content check refuses is reported by it alone; see the next test.)
    const root = checkout();
    const path = join(root, CLAIM);
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace("reporting: accurate", "reporting: mixed"),
    );
    const result = run(root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${CLAIM}: corrections: reporting changed from "accurate"`);
  });
});

test("does not ask for a corrections entry for a rating the content check refuses", () => {
  const root = checkout();
  const path = join(root, CLAIM);
  writeFileSync(path, readFileSync(path, "utf8").replace("verdict: unproven", "verdict: unproved"));
  const result = run(root);
  expect(result.status).toBe(1);
  expect(result.stdout).toContain('verdict: "unproved" is not on the rating scale');
  expect(result.stdout).toContain('did you mean "unproven"?');
  expect(result.stdout).not.toContain("corrections:");
}, 30_000);
