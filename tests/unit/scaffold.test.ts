import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkContent, formatReport } from "@/content-check";
import { claimTemplate, sourceTemplate, validateNewId } from "../../scripts/lib/scaffold.ts";
import { fixtureRoot } from "./fixtures";

const template = () =>
  claimTemplate({ today: "2026-11-24", claimant: "agency", source: "agency-report", order: 2 });

describe("the scaffolder", () => {
  test("writes a draft claim that passes every content check", () => {
    const root = fixtureRoot("valid");
    writeFileSync(join(root, "content/claims/new-claim.mdx"), template());
    expect(formatReport(checkContent(root))).toBe("The content check found no problems.");
  });

  test("writes a source that passes every content check until a published claim cites it", () => {
    const root = fixtureRoot("valid");
    writeFileSync(join(root, "content/sources/new-source.yaml"), sourceTemplate("2026-11-24"));
    expect(checkContent(root)).toEqual([]);
  });

  test("explains every field of the schema in the template", () => {
    const text = template();
    for (const field of [
      "title",
      "claim",
      "claimant",
      "appearance",
      "firstAppearance",
      "verdict",
      "reporting",
      "bottomLine",
      "answer",
      "inBrief",
      "seeAlso",
      "citations",
      "published",
      "updated",
      "evidenceAsOf",
      "corrections",
      "draft",
    ]) {
      expect(text, field).toMatch(new RegExp(`^# .*\\n(?:# .*\\n)*#? ?${field}:`, "m"));
    }
  });

  test("refuses to publish a claim that still holds placeholders", () => {
    const root = fixtureRoot("valid");
    writeFileSync(
      join(root, "content/claims/new-claim.mdx"),
      template().replace("draft: true", "draft: false"),
    );
    const report = formatReport(checkContent(root));
    expect(report).toContain(
      "content/claims/new-claim.mdx:6: still holds a placeholder from the template (title:",
    );
    expect(report).toContain("or set draft: true until it is ready");
  });

  test.each([
    [undefined, "give the new file's id"],
    ["Army_Memo", "is not kebab-case"],
    ["fixture-claim", "already exists"],
  ])("refuses the id %s", (id, message) => {
    expect(validateNewId(id, ["fixture-claim"])).toContain(message);
  });
});
