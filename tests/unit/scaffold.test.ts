import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkContent, formatReport } from "@/content-check";
import {
  claimTemplate,
  claimantTemplate,
  sourceTemplate,
  timelineEventTemplate,
  validateNewId,
} from "../../scripts/lib/scaffold.ts";
import { fixtureRoot } from "./fixtures";

const template = () => claimTemplate({ today: "2026-11-24", claimant: "agency", lastOrder: 1 });

/** The template with a real value for every choice it leaves to the editor. */
const chosen = () =>
  template()
    .replace(/^claimant: .*$/m, "claimant: agency")
    .replace(/^ {2}order: .*$/m, "  order: 1.5")
    .replace(/^reporting: .*$/m, "reporting: accurate")
    .replace(/^verdict: .*$/m, "verdict: unproven")
    .replace(/^ {4}source: .*$/m, "    source: agency-report")
    .replace(/^(published|updated|evidenceAsOf): .*$/gm, "$1: 2026-11-24");

describe("the scaffolder", () => {
  test("leaves every choice to the editor, and the check names each one left", () => {
    const root = fixtureRoot("valid");
    writeFileSync(join(root, "content/claims/new-claim.mdx"), template());
    const problems = checkContent(root);
    expect(problems.map((problem) => problem.field)).toEqual([
      "claimant",
      "appearance.order",
      "verdict",
      "reporting",
      "citations[0].source",
      "published",
      "updated",
      "evidenceAsOf",
    ]);
    for (const problem of problems) {
      expect(problem.message).toMatch(/^still holds the template's placeholder; replace it/);
    }
  });

  test("writes a draft claim that passes once those choices are made", () => {
    const root = fixtureRoot("valid");
    writeFileSync(join(root, "content/claims/new-claim.mdx"), chosen());
    expect(formatReport(checkContent(root))).toBe("The content check found no problems.");
  });

  test("writes a source that fails until every placeholder is replaced, cited or not", () => {
    const root = fixtureRoot("valid");
    writeFileSync(join(root, "content/sources/new-source.yaml"), sourceTemplate("2026-11-24"));
    const report = formatReport(checkContent(root));
    for (const field of [
      "title",
      "publisher",
      "date",
      "publisherDomain",
      "url",
      "accessed",
      "kind",
    ]) {
      expect(report, field).toMatch(new RegExp(`new-source\\.yaml:\\d+: (${field}: )?still holds`));
    }
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
    const text = chosen().replace("draft: true", "draft: false");
    writeFileSync(join(root, "content/claims/new-claim.mdx"), text);
    const titleLine = text.split("\n").findIndex((line) => line.startsWith("title:")) + 1;
    const report = formatReport(checkContent(root));
    expect(report).toContain(
      `content/claims/new-claim.mdx:${titleLine}: still holds a placeholder from the template (title:`,
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

describe("the claimant and timeline-event scaffolders", () => {
  test.each([
    ["claimants/new-claimant.yaml", claimantTemplate(), ["name", "kind", "description"]],
    [
      "timeline/2026-11-24-new-event.yaml",
      timelineEventTemplate("2026-11-24"),
      ["date", "title", "summary", "source"],
    ],
  ])("%s: the check names every value left to choose", (path, text, fields) => {
    const root = fixtureRoot("valid");
    writeFileSync(join(root, "content", path), text);
    const named = checkContent(root)
      .filter((problem) => problem.file === `content/${path}`)
      .map((problem) => problem.field ?? problem.message);
    for (const field of fields) {
      expect(
        named.some((name) => name === field || name.includes(`${field}:`)),
        field,
      ).toBe(true);
    }
  });
});
