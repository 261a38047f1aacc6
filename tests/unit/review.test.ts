/**
 * `npm run review`: what a reviewer of an editorial pull request reads
 * instead of YAML diffs.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { textNow } from "../../scripts/lib/changes.ts";
import { frontmatterOf, isPlainTree } from "../../src/content-check/corrections.ts";
import { makeTempDir } from "../../scripts/lib/temp-site.ts";
import { beforeAfter, plain, reviewMarkdown, type ChangedFile } from "../../scripts/lib/review.ts";

const claim = (fields: Record<string, string>, body = "Text.") =>
  `---\n${Object.entries({
    title: '"A claim"',
    reporting: "accurate",
    verdict: "unproven",
    bottomLine: '"The old line."',
    answer: '"Unproven: a test."',
    corrections: "[]",
    ...fields,
  })
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n")}\n---\n\n${body}\n`;

const PATH = "content/claims/a-claim.mdx";
const review = (files: ChangedFile[]) => reviewMarkdown(files, "Compared with main (abc1234)");

describe("the pull-request review", () => {
  test("shows a rating change with both labels and warns when readers are not told", () => {
    const markdown = review([
      { status: "modified", path: PATH, before: claim({}), after: claim({ verdict: "mixed" }) },
    ]);
    expect(markdown).toContain("Compared with main (abc1234).");
    expect(markdown).toContain("### Claims changed");
    expect(markdown).toContain("  - **Is it true?** Unproven → Mixed");
    expect(markdown).toContain("> [!WARNING]");
    expect(markdown).toMatch(/changes its “Is it true\?” rating without a corrections entry/);
  });

  test("says when a check is withdrawn, with the entry readers will see as the reason", () => {
    const after = claim({
      withdrawn: "true",
      corrections:
        '[{ date: 2026-12-01, kind: withdrawal, text: "Its main source was retracted." }]',
    });
    const markdown = review([{ status: "modified", path: PATH, before: claim({}), after }]);
    expect(markdown).toContain(
      "  - **Withdrawn**: its address will show only why, from the last corrections entry, and the record of changes; its ratings leave the site",
    );
    expect(markdown).toContain(
      "  - **Corrections log, new withdrawal** (2026-12-01): Its main source was retracted.",
    );
    expect(markdown).not.toContain("Also changed");
  });

  test("shows an added claim's corrections entries whole, and says when it starts withdrawn", () => {
    const reason = `${"An honest-looking opening. ".repeat(25)}In fact the opposite is true.`;
    const after = claim({
      withdrawn: "true",
      corrections: `[{ date: 2026-12-01, kind: withdrawal, text: "${reason}" }]`,
    });
    const markdown = review([{ status: "added", path: PATH, after }]);
    expect(markdown).toContain("*(**withdrawn**: readers would see only the notice;");
    expect(markdown).toContain(
      "  - **Corrections log, withdrawal** (2026-12-01): An honest-looking",
    );
    expect(markdown).toContain("In fact the opposite is true.");
  });

  test("warns about an answer changed without a corrections entry", () => {
    const after = claim({ answer: '"Unproven: another test."' });
    const markdown = review([{ status: "modified", path: PATH, before: claim({}), after }]);
    expect(markdown).toContain(
      "    - Before: Unproven: a test.\n    - After: Unproven: another test.",
    );
    expect(markdown).toMatch(/changes its answer without a corrections entry/);
  });

  test("shows the bottom line before and after, and the corrections entry that tells readers", () => {
    const after = claim({
      bottomLine: '"The new line."',
      corrections: '[{ date: 2026-12-01, kind: update, text: "We found a new memo." }]',
    });
    const markdown = review([{ status: "modified", path: PATH, before: claim({}), after }]);
    expect(markdown).toContain("    - Before: The old line.\n    - After: The new line.");
    expect(markdown).toContain(
      "  - **Corrections log, new update** (2026-12-01): We found a new memo.",
    );
    expect(markdown).not.toContain("[!WARNING]");
  });

  test("lists claims added (with ratings and bottom line) and removed, and sources", () => {
    const markdown = review([
      { status: "added", path: "content/claims/new.mdx", after: claim({ title: '"New one"' }) },
      { status: "deleted", path: "content/claims/old.mdx", before: claim({ title: '"Old one"' }) },
      {
        status: "added",
        path: "content/sources/memo.yaml",
        after: 'title: "A memo"\npublisher: "US Army"\n',
      },
    ]);
    expect(markdown).toContain(
      "### Claims added\n\n- **New one** (`content/claims/new.mdx`): Is it true? Unproven · How Engadget reported it: Accurate\n  - Answer: Unproven: a test.\n  - Bottom line: The old line.",
    );
    expect(markdown).toContain("### Claims removed\n\n- **Old one** (`content/claims/old.mdx`)");
    expect(markdown).toContain(
      "### Sources added\n\n- **A memo** (`content/sources/memo.yaml`), US Army",
    );
  });

  test("names a change to the text or other fields, and says when nothing changed", () => {
    const markdown = review([
      { status: "modified", path: PATH, before: claim({}), after: claim({}, "New text.") },
    ]);
    expect(markdown).toContain("  - **Text**: 1 paragraph(s) changed");
    expect(review([])).toContain("No content changed: readers will see nothing new.");
  });

  test("shows In brief before and after, and asks whether a changed fact needs an entry", () => {
    const brief = (date: string) => `["The memo is dated ${date}.", "It leaked."]`;
    const markdown = review([
      {
        status: "modified",
        path: PATH,
        before: claim({ inBrief: brief("9 August 2017") }),
        after: claim({ inBrief: brief("4 August 2017") }),
      },
    ]);
    expect(markdown).toContain(
      "  - **In brief**\n    - Before: The memo is dated 9 August 2017. • It leaked.\n    - After: The memo is dated 4 August 2017. • It leaked.",
    );
    expect(markdown).toContain("  - No corrections entry: if this changes a fact readers saw");
    expect(markdown).not.toContain("Also changed: inBrief");
    const told = review([
      {
        status: "modified",
        path: PATH,
        before: claim({}, "Dated 9 August."),
        after: claim(
          { corrections: '[{ date: 2026-12-01, kind: correction, text: "The date was wrong." }]' },
          "Dated 4 August.",
        ),
      },
    ]);
    expect(told).not.toContain("No corrections entry");
  });

  test("shows a changed passage word for word, and a changed paragraph before and after", () => {
    const cite = (passage: string) => `[{ id: memo, source: army, passage: "${passage}" }]`;
    const markdown = review([
      {
        status: "modified",
        path: PATH,
        before: claim(
          { citations: cite("The data is derived from open sources.") },
          "One.\n\nTwo.",
        ),
        after: claim(
          { citations: cite("The data is drawn from open sources.") },
          "One.\n\nTwo, changed.",
        ),
      },
    ]);
    expect(markdown).toContain(
      "  - **Passage of citation** `memo` (check it against the source)\n    - Before: “The data is derived from open sources.”\n    - After: “The data is drawn from open sources.”",
    );
    expect(markdown).toContain(
      "  - **Text**: 1 paragraph(s) changed\n    - Before: Two.\n    - After: Two, changed.",
    );
  });

  test("shows what changed in a source, and warns when an address loses https", () => {
    const markdown = review([
      {
        status: "modified",
        path: "content/sources/memo.yaml",
        before: 'title: "A memo"\nurl: "https://example.org/memo"\n',
        after: 'title: "A memo"\nurl: "http://example.org/memo"\n',
      },
    ]);
    expect(markdown).toContain("  - `url`: https://example.org/memo → http://example.org/memo");
    expect(markdown).toMatch(/> \*\*A memo\*\* .*`url` went from https:\/\/ to http:\/\//);
    expect(markdown).toMatch(/> \*\*A memo\*\* .*: `url` changed; open the new address/);
  });

  test("shows a field's name as plain text too, so a key cannot inject HTML", () => {
    const after = claim({ '"x <img src=https://evil.example/p.png> # Ready"': "1" });
    const markdown = review([{ status: "modified", path: PATH, before: claim({}), after }]);
    expect(markdown).not.toMatch(/(^|[^\\])<img/m);
    expect(markdown).toContain("\\<img src=https://evil.example/p.png\\> \\# Ready");
  });

  test("warns when an earlier corrections entry is edited to pass as new", () => {
    const log = (text: string) => `[{ date: 2026-11-29, kind: update, text: "${text}" }]`;
    const markdown = review([
      {
        status: "modified",
        path: PATH,
        before: claim({ corrections: log("The ratings are unchanged.") }),
        after: claim({
          verdict: "inaccurate",
          corrections: log("The ratings are unchanged, again."),
        }),
      },
    ]);
    expect(markdown).toMatch(/edits or removes an earlier corrections entry/);
    expect(markdown).toMatch(/changes its “Is it true\?” rating without a corrections entry/);
  });

  test("shows content as plain text, so a title cannot inject an image or a link", () => {
    expect(plain("**bold** ![x](https://evil.example/p.png) <img src=x>")).toBe(
      "\\*\\*bold\\*\\* \\!\\[x\\]\\(https://evil.example/p.png\\) \\<img src=x\\>",
    );
  });
});

describe("the files a review reads", () => {
  // The review goes to a public job summary: a link in content/ to a file
  // outside the repository must not bring that file's text with it.
  test("reads plain files only, never through a symbolic link", () => {
    const root = makeTempDir("review-files");
    mkdirSync(join(root, "content", "sources"), { recursive: true });
    writeFileSync(join(root, "outside.yaml"), "title: SECRET\n");
    writeFileSync(join(root, "content", "sources", "real.yaml"), "title: Real\n");
    symlinkSync(join(root, "outside.yaml"), join(root, "content", "sources", "leak.yaml"));
    expect(textNow(root, "content/sources/real.yaml")).toBe("title: Real\n");
    expect(textNow(root, "content/sources/leak.yaml")).toBeUndefined();
    expect(textNow(root, "content/sources/gone.yaml")).toBeUndefined();
  });

  // A 90 MB file once made a 90 MB job summary; the content check refuses it.
  test("reads nothing larger than a content file may be, and shows a long value cut", () => {
    const root = makeTempDir("review-size");
    mkdirSync(join(root, "content", "sources"), { recursive: true });
    writeFileSync(
      join(root, "content", "sources", "big.yaml"),
      `title: "${"ab ".repeat(100_000)}"\n`,
    );
    expect(textNow(root, "content/sources/big.yaml")).toBeUndefined();
    const shown = plain("word ".repeat(1_000));
    expect(shown.length).toBeLessThan(700);
    expect(shown).toMatch(/… \\\(4,399 more characters not shown\\\)$/);
  });
});

describe("other content", () => {
  test("shows a page's fields and paragraphs before and after, not just that it changed", () => {
    const page = (headline: string, text: string) =>
      `---\ntitle: "Home"\nheadline: "${headline}"\n---\n\n${text}\n`;
    const markdown = review([
      {
        status: "modified",
        path: "content/pages/home.mdx",
        before: page("Is DJI spying?", "**The short answer: unproven.**"),
        after: page("Yes, DJI is spying for China", "**The short answer: yes.**"),
      },
    ]);
    expect(markdown).toContain("- `content/pages/home.mdx`: modified");
    expect(markdown).toContain("  - `headline`: Is DJI spying? → Yes, DJI is spying for China");
    expect(markdown).toContain("    - After: \\*\\*The short answer: yes.\\*\\*");
  });
});

describe("changes an attacker could hide", () => {
  test("pairs a source re-added under a new name, and warns about its new address", () => {
    const source = (url: string) => `title: "A memo"\npublisher: "The Times"\nurl: "${url}"\n`;
    const markdown = review([
      { status: "deleted", path: "content/sources/a.yaml", before: source("https://times.test/m") },
      {
        status: "added",
        path: "content/sources/b.yaml",
        after: source("https://times-news.test/m"),
      },
    ]);
    expect(markdown).toContain("### Sources changed");
    expect(markdown).not.toContain("### Sources removed");
    expect(markdown).toMatch(/> \*\*A memo\*\* .*`url` changed; open the new address/);
  });

  // Every watched field is shown: one left out of both lists was hidden from the review.
  test("shows who the proposition is credited to, before and after", () => {
    const markdown = review([
      {
        status: "modified",
        path: PATH,
        before: claim({ propositionBy: "agency" }),
        after: claim({ propositionBy: "newspaper" }),
      },
    ]);
    expect(markdown).toContain(
      "  - **Proposition by**\n    - Before: agency\n    - After: newspaper",
    );
  });

  test("names a citation that now cites another source", () => {
    const cite = (source: string) => `[{ id: memo, source: ${source}, passage: "Same words." }]`;
    const markdown = review([
      {
        status: "modified",
        path: PATH,
        before: claim({ citations: cite("nyt") }),
        after: claim({ citations: cite("reuters") }),
      },
    ]);
    expect(markdown).toContain("  - **Citation** `memo` now cites `reuters` (was `nyt`)");
  });

  test("shows every field of an added timeline event", () => {
    const markdown = review([
      {
        status: "added",
        path: "content/timeline/2026-11-20-x.yaml",
        after: 'date: 2026-11-20\ntitle: "DHS confirms data transfers"\n',
      },
    ]);
    expect(markdown).toContain("  - `title`: \\(none\\) → DHS confirms data transfers");
  });

  test("warns when a rating changes under a new entry that is about something else", () => {
    const after = claim({
      verdict: "inaccurate",
      corrections: '[{ date: 2026-12-01, kind: correction, text: "We fixed the memo\'s date." }]',
    });
    const markdown = review([{ status: "modified", path: PATH, before: claim({}), after }]);
    expect(markdown).toMatch(/changes a rating, but no new corrections entry mentions a rating/);
  });

  test.each([
    "We fixed a typo. The ratings are unchanged.",
    "We tidied two paragraphs; the ratings stay as they were.",
    "We added a source. Our rating stands.",
    "We tidied the wording of the one-line answer. The verdict is unchanged.",
  ])("warns when a rating changes under an entry that says it did not: %s", (text) => {
    const after = claim({
      verdict: "inaccurate",
      corrections: `[{ date: 2026-12-01, kind: update, text: "${text}" }]`,
    });
    const markdown = review([{ status: "modified", path: PATH, before: claim({}), after }]);
    expect(markdown).toMatch(
      /changes a rating, but its new corrections entry says the ratings are unchanged/,
    );
  });
});

describe("a long value's change", () => {
  const sentence = (n: number) => `Sentence ${n} of a long paragraph says nothing new. `;
  const long = Array.from({ length: 40 }, (_, n) => sentence(n)).join("");

  test("is shown where it is, even past where a long value is cut", () => {
    const edited = long.replace("Sentence 30 of a", "Sentence 30, which DJI denies, of a");
    const before = claim({}, long);
    const after = claim({}, edited);
    const markdown = review([{ status: "modified", path: PATH, before, after }]);
    expect(long.indexOf("Sentence 30")).toBeGreaterThan(1_000);
    expect(markdown).toContain("Sentence 30, which DJI denies, of a");
    expect(markdown).toMatch(/- Before: …says nothing new\. Sentence 29 .*Sentence 30 of a long/);
    expect(markdown).not.toContain("Sentence 0 ");
  });

  test("shows both sides cut to the change, with whole words around it", () => {
    const [shownBefore, shownAfter] = beforeAfter(long, `${long}And a last sentence.`);
    expect(shownBefore).toBe(
      "…paragraph says nothing new. Sentence 39 of a long paragraph says nothing new.",
    );
    expect(shownAfter).toBe(`${shownBefore} And a last sentence.`);
  });

  test("says how much of a change too long to show is left out", () => {
    const [, shownAfter] = beforeAfter("Short.", `Short. ${"added ".repeat(300)}`);
    expect(shownAfter).toMatch(/… \\\(1,206 more characters not shown\\\)$/);
  });

  test("leaves short values whole", () => {
    expect(beforeAfter("The old line.", "The new line.")).toEqual([
      "The old line.",
      "The new line.",
    ]);
  });
});

describe("a file of nested YAML aliases", () => {
  // 450 bytes that stand for 10⁹ strings once written out.
  const levels = "abcdefghi".split("");
  const bomb = [
    `a: &a [${Array(10).fill('"x"').join(",")}]`,
    ...levels
      .slice(1)
      .map((name, index) => `${name}: &${name} [${Array(10).fill(`*${levels[index]}`).join(",")}]`),
    "title: *i",
    "",
  ].join("\n");

  test("is not shown, and the review stays short", () => {
    const markdown = review([{ status: "added", path: "content/sources/bomb.yaml", after: bomb }]);
    expect(markdown.length).toBeLessThan(2_000);
    expect(markdown).not.toContain('"x","x"');
  });

  test("is unreadable to the corrections rule, not a crash", () => {
    const claimText = `---\n${bomb}verdict: *a\n---\n\nText.\n`;
    expect(frontmatterOf(claimText)).toBeUndefined();
    expect(isPlainTree({ a: [1, 2], b: { c: "d" } })).toBe(true);
  });
});
