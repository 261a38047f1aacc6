import { describe, expect, test } from "vitest";
import { containsPassage, htmlToText, pageText } from "../../../scripts/lib/source-check/index.ts";
import { page } from "./web.ts";

describe("comparing a passage with a page", () => {
  const story = pageText(page("formatted-story.html"));

  test("finds a passage despite curly quotes, entities, inline tags, dashes and extra whitespace", () => {
    expect(
      containsPassage(
        story,
        'The memorandum orders units to "cease all use, uninstall all DJI\n  applications" - and to secure equipment for follow-on direction.',
      ),
    ).toBe(true);
    expect(containsPassage(story, "Tom & Jerry's drones were not affected.")).toBe(true);
  });

  test("ignores letter case", () => {
    expect(containsPassage(story, "TOM & JERRY’S DRONES WERE NOT AFFECTED.")).toBe(true);
  });

  test("reads an editor's [brackets] and ellipsis as gaps, in order", () => {
    expect(
      containsPassage(
        story,
        "[T]he order ... grounds products supplied by the leading manufacturer",
      ),
    ).toBe(true);
    expect(containsPassage(story, "grounds products ... [T]he order")).toBe(false);
  });

  test("does not find changed wording, nor text only in a script or style", () => {
    const report = pageText(page("changed-report.html"));
    expect(
      containsPassage(
        report,
        "The agency assesses with moderate confidence that the company is selective.",
      ),
    ).toBe(false);
    expect(containsPassage(report, "with low confidence")).toBe(true);
    expect(containsPassage(story, "headline")).toBe(false);
    expect(containsPassage(story, "content:")).toBe(false);
    expect(containsPassage(story, "")).toBe(false);
  });
});

describe("reading a page's text", () => {
  // The old regular expressions took 42 s on this; a parser reads it in one pass.
  test("reads 120 KB of unclosed tags in one pass", () => {
    const hostile = `<p>Before</p>${"<a ".repeat(40_000)}`;
    const started = performance.now();
    expect(htmlToText(hostile)).toContain("Before");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test("drops scripts and styles, keeps inline tags inside words, decodes references", () => {
    expect(
      htmlToText("<p>Dr<b>o</b>ne&nbsp;data &#8220;x&#8221; &amp; y</p><script>no()</script>"),
    ).toBe(" Drone\u00a0data \u201cx\u201d & y ");
  });
});
