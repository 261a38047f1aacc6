import { rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkContent, formatReport } from "@/content-check";
import { VARIANTS, fixtureRoot } from "./fixtures";

describe("the content check", () => {
  test("passes the valid fixture site", () => {
    expect(checkContent(fixtureRoot("valid"))).toEqual([]);
  });

  // Each variant is one way an editor's change can be wrong. The snapshot pins
  // the exact words the editor reads: file, line, field and fix.
  test.each(VARIANTS)("reports the %s mistake in words an editor can act on", (variant) => {
    const problems = checkContent(fixtureRoot(variant));
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.file).toMatch(/^content\/[a-z]+\/(?:[^/]+\.[a-z]+|[^/]+\/)?$/);
    }
    expect(formatReport(problems)).toMatchSnapshot();
  });

  // A link could publish a file from outside the repository (a build
  // machine's secrets), and a link to a folder once crashed the check.
  test.each([
    ["a file", "/etc/hostname", "content/sources/outside.yaml"],
    ["a folder", "/etc", "content/sources/outside-folder"],
    ["a whole content folder", "/etc", "content/timeline"],
  ])("refuses a symbolic link to %s instead of following it", (_, target, link) => {
    const root = fixtureRoot("valid");
    rmSync(join(root, link), { recursive: true, force: true });
    symlinkSync(target, join(root, link));
    expect(formatReport(checkContent(root))).toContain(
      `  ${link.startsWith("content/timeline") && !link.endsWith(".yaml") ? `${link}/` : link}: is a symbolic link; content/ must hold real files and folders, so replace the link with a copy (or delete it)`,
    );
  });
});
