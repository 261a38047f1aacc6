import { describe, expect, test } from "vitest";
import { checkCorrection } from "@/content-check/corrections";
import { formatReport } from "@/content-check";

const before = {
  reporting: "accurate",
  verdict: "unproven",
  bottomLine: "The memo's claim is unproven.",
  corrections: [],
};
const file = "content/claims/fixture-claim.mdx";

describe("the corrections rule", () => {
  test("catches a rating change without a corrections entry", () => {
    const problems = checkCorrection(file, before, { ...before, verdict: "mixed" }, "2026-12-01");
    expect(formatReport(problems)).toMatchInlineSnapshot(`
      "The content check found 1 problem:
        content/claims/fixture-claim.mdx: corrections: verdict changed from "unproven" to "mixed", but no corrections entry was added; readers must be told. Add one, e.g.
          corrections:
            - date: 2026-12-01
              kind: update   # or correction, if we got something wrong
              text: What changed and why.
          and set updated: 2026-12-01"
    `);
  });

  test("catches a bottom-line change without a corrections entry", () => {
    const after = { ...before, bottomLine: "Now we say something else." };
    expect(checkCorrection(file, before, after, "2026-12-01")[0]?.message).toMatch(
      /^bottomLine changed, but/,
    );
  });

  test("passes a rating change that adds a corrections entry", () => {
    const after = {
      ...before,
      verdict: "mixed",
      corrections: [
        { date: "2026-12-01", kind: "update", text: "New evidence from the 2026 court ruling." },
      ],
    };
    expect(checkCorrection(file, before, after, "2026-12-01")).toEqual([]);
  });

  test("does not accept an old entry as the record of a new change", () => {
    const old = { date: "2026-11-30", kind: "correction", text: "Fixed a date." };
    const withOld = { ...before, corrections: [old] };
    expect(
      checkCorrection(file, withOld, { ...withOld, reporting: "mixed" }, "2026-12-01"),
    ).toHaveLength(1);
  });

  test("ignores changes to other fields", () => {
    expect(
      checkCorrection(file, before, { ...before, title: "A new title" }, "2026-12-01"),
    ).toEqual([]);
  });
});
