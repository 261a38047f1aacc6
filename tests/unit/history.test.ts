import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const history = new URL("../../src/lib/history.ts", import.meta.url).href;

/** A repository with a claim changed in 2020 and another file changed in 2026. */
function repository(): string {
  const root = mkdtempSync(join(tmpdir(), "history-"));
  const git = (args: string[], date: string) =>
    execFileSync("git", args, {
      cwd: root,
      stdio: "ignore",
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  git(["init", "-q", "-b", "main"], "2020-01-01T00:00:00Z");
  mkdirSync(join(root, "content/claims"), { recursive: true });
  writeFileSync(join(root, "content/claims/a.mdx"), "a");
  git(["add", "."], "2020-01-01T00:00:00Z");
  git(
    ["-c", "user.name=E", "-c", "user.email=e@x", "commit", "-q", "-m", "a"],
    "2020-03-04T00:00:00Z",
  );
  writeFileSync(join(root, "content/claims/b.mdx"), "b");
  git(["add", "."], "2026-11-01T00:00:00Z");
  git(
    ["-c", "user.name=E", "-c", "user.email=e@x", "commit", "-q", "-m", "b"],
    "2026-11-01T00:00:00Z",
  );
  return root;
}

/** What lastChanged() says for a file, run in `cwd` as the build would. */
function lastChangedIn(cwd: string, file: string): string {
  const code = `const { lastChanged } = await import(${JSON.stringify(history)}); console.log(lastChanged(${JSON.stringify(file)})?.toISOString().slice(0, 10) ?? "none");`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd,
    encoding: "utf8",
  });
  return result.stdout.trim();
}

describe("last-changed dates", () => {
  test("come from the last commit that touched the file", () => {
    expect(lastChangedIn(repository(), "content/claims/a.mdx")).toBe("2020-03-04");
  });

  // A shallow clone would date every file to its newest commit.
  test("are left out in a shallow clone rather than shown wrong", () => {
    const shallow = mkdtempSync(join(tmpdir(), "shallow-"));
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repository()}`, shallow]);
    expect(lastChangedIn(shallow, "content/claims/a.mdx")).toBe("none");
  });
});
