import { readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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
      // A file or folder of content/, or of one of its collection folders.
      expect(problem.file).toMatch(/^content\/(?:[a-z]+\/)?(?:[^/]*\.[a-z]+|[^/]+\/)?$/);
    }
    expect(formatReport(problems)).toMatchSnapshot();
  });

  // Each of these once aborted the check (a Rust panic naming no file), took
  // gigabytes or took minutes in the MDX parser; now each is refused first.
  test.each([
    ["a line of 42,000 HTML comment openings", "<!--".repeat(42_000), ":32: this line is"],
    [
      "2,500 lines of dashes and ellipses",
      "The memo -- as reported -- said so...\n".repeat(2_500),
      ": holds 7502 dashes",
    ],
    ["171,000 braces on short lines", "{{{{{{{{{\n".repeat(19_000), ": holds 171000 braces"],
    [
      "600 quotation marks in one paragraph",
      `${'"'.repeat(20)}\n`.repeat(30),
      ":32: the paragraph starting here holds 600 quotation marks",
    ],
    [
      "1,000 entities in one paragraph",
      "&amp;".repeat(1_000),
      ":32: the paragraph starting here holds 1000 ampersands",
    ],
    [
      "2,000 quotation marks in paragraphs of 100",
      `${'"a" '.repeat(50)}\n\n`.repeat(20),
      ": holds 2016 quotation marks",
    ],
    [
      "a table of 39 columns and 200 rows",
      `${"|a".repeat(39)}|\n${"|-".repeat(39)}|\n${"a\n".repeat(200)}`,
      ":32: the table starting here has 202 rows of up to 40 columns",
    ],
    [
      "a table of 2,000 columns",
      `${"|a".repeat(2_000)}|\n${"|-".repeat(2_000)}|\n`,
      ":32: this line has 2001 | characters",
    ],
    [
      "a paragraph of 9,000 characters",
      "word ".repeat(1_800).replace(/ /g, (space, at: number) => (at % 500 === 499 ? "\n" : space)),
      ":32: the paragraph starting here is 9001 characters long",
    ],
  ])("refuses %s before the MDX parser sees it", (_, body, expected) => {
    const root = fixtureRoot("valid");
    const claim = join(root, "content/claims/fixture-claim.mdx");
    const [, frontmatter] = readFileSync(claim, "utf8").split(/^---$/m);
    writeFileSync(claim, `---${frontmatter}---\n\n${body}`);
    const started = performance.now();
    const report = formatReport(checkContent(root));
    expect(report).toContain(`content/claims/fixture-claim.mdx${expected}`);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  test("reports at most 50 problems a file, then counts the rest", () => {
    const root = fixtureRoot("valid");
    const claim = join(root, "content/claims/fixture-claim.mdx");
    writeFileSync(
      claim,
      `${readFileSync(claim, "utf8")}\n${'Said.<Cite id="none" />\n'.repeat(60)}`,
    );
    const problems = checkContent(root).filter((problem) =>
      problem.file.endsWith("fixture-claim.mdx"),
    );
    expect(problems).toHaveLength(51);
    expect(problems.at(-1)?.message).toBe(
      "and 10 more problems; fix the ones above first, then run the check again",
    );
  });

  // Explaining a YAML mistake re-parses the file once per depth it tries.
  test.each([
    ["4,900 spaces", 4_900, "content/sources/agency-report.yaml:"],
    ["199,000 spaces", 199_000, "content/sources/agency-report.yaml:3: this line is"],
  ])("explains a YAML line indented %s quickly", (_, indent, expected) => {
    const root = fixtureRoot("valid");
    writeFileSync(
      join(root, "content/sources/agency-report.yaml"),
      `title: x\na:\n${" ".repeat(indent)}b: 1\n c: 2\n`,
    );
    const started = performance.now();
    expect(formatReport(checkContent(root))).toContain(expected);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  // Astro closes frontmatter only at a line of three dashes; a file that
  // fakes a close (+++, or dashes then a tab) is text to the compiler, and is
  // limited as text.
  test("limits the paragraphs of a file whose frontmatter never closes", () => {
    const root = fixtureRoot("valid");
    const paragraph = `${"a".repeat(3_000)}\n`.repeat(4);
    writeFileSync(
      join(root, "content/claims/fixture-claim.mdx"),
      `---\ntitle: "x"\n+++\n\n${paragraph}\n---\t\nText.\n`,
    );
    expect(formatReport(checkContent(root))).toContain(
      "content/claims/fixture-claim.mdx:5: the paragraph starting here is",
    );
  });

  // The frontmatter is not a paragraph: a quoting slip in a long one is a YAML
  // problem, not "split the paragraph with blank lines".
  test("reports a YAML slip in a long frontmatter as YAML, not as a long paragraph", () => {
    const root = fixtureRoot("valid");
    const claim = join(root, "content/claims/fixture-claim.mdx");
    const notes = Array.from({ length: 120 }, (_, n) => `  # note ${n}: ${"x".repeat(60)}`);
    const source = readFileSync(claim, "utf8").replace(
      /^answer: .*$/m,
      `${notes.join("\n")}\nanswer: "Unproven: the "fixture" says so."`,
    );
    writeFileSync(claim, source);
    const report = formatReport(checkContent(root));
    expect(report).toContain("has text after the closing quotation mark");
    expect(report).not.toContain("the paragraph starting here");
  });

  test.each([
    "Engadget: the Army halted all DJI use (Is it true: True, confirmed)",
    "Engadget: the Army halted all DJI use. Fact check: TRUE",
    "Engadget: the Army halted all DJI use — Verdict: True, confirmed",
    "Engadget: the Army halted all DJI use. Rated: 'True'",
    "Engadget: the Army halted all DJI use; our rating is now True",
  ])("refuses a title that types a rating: %s", (title) => {
    const root = fixtureRoot("valid");
    const claim = join(root, "content/claims/fixture-claim.mdx");
    writeFileSync(claim, readFileSync(claim, "utf8").replace(/^title: .*$/m, `title: "${title}"`));
    expect(formatReport(checkContent(root))).toMatch(
      /title: types a rating out \("[^"]+"\) as the page's badges show it/,
    );
  });

  // Mongolian free variation selectors draw nothing, like U+180E beside them.
  test.each(["180B", "180C", "180D", "180F"])(
    "refuses the invisible U+%s in a page's text",
    (code) => {
      const root = fixtureRoot("valid");
      const claim = join(root, "content/claims/fixture-claim.mdx");
      const selector = String.fromCodePoint(Number.parseInt(code, 16));
      writeFileSync(claim, `${readFileSync(claim, "utf8")}\nveri${selector}fied\n`);
      expect(formatReport(checkContent(root))).toContain(`invisible control character (U+${code})`);
    },
  );

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
