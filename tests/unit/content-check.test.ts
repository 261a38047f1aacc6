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
      expect(problem.file).toMatch(/^content\/[a-z]+\/[^/]+\.[a-z]+$/);
    }
    expect(formatReport(problems)).toMatchSnapshot();
  });
});
