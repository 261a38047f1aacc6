import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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
        content/claims/fixture-claim.mdx: corrections: verdict changed from "unproven" to "mixed", but no corrections entry was added; readers must be told. Add an entry under corrections with date: 2026-12-01, kind: update (or correction, if we got something wrong) and text: what changed and why; revise the reasoning in the text to match; and set updated: 2026-12-01"
    `);
  });

  test("catches a bottom-line change without a corrections entry", () => {
    const after = { ...before, bottomLine: "Now we say something else." };
    expect(checkCorrection(file, before, after, "2026-12-01")[0]?.message).toMatch(
      /^bottomLine changed, but/,
    );
  });

  test("catches a change to the one-line answer, but not its first appearance", () => {
    const answered = { ...before, answer: "Unproven: no public evidence shows it." };
    const after = { ...answered, answer: "Partly true: some evidence shows it." };
    expect(checkCorrection(file, answered, after, "2026-12-01")[0]?.message).toMatch(
      /^answer changed, but/,
    );
    expect(checkCorrection(file, before, answered, "2026-12-01")).toEqual([]);
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
      checkCorrection(file, before, { ...before, inBrief: ["A new point."] }, "2026-12-01"),
    ).toEqual([]);
  });

  // What the ratings apply to is as much the verdict as the rating itself: a
  // title or claim rewritten under an unchanged "Accurate" rates something else.
  test.each([
    ["title", "Engadget: no flaw was ever found in DJI's systems"],
    ["claim", "There have never been any security flaws."],
    ["proposition", "DJI never had a flaw."],
    ["claimant", "dji"],
  ])("catches a change to %s, what the ratings apply to", (field, value) => {
    const rated = {
      ...before,
      title: "Engadget: a claim",
      claim: "A claim.",
      proposition: "P.",
      claimant: "engadget",
    };
    expect(
      checkCorrection(file, rated, { ...rated, [field]: value }, "2026-12-01")[0]?.message,
    ).toMatch(new RegExp(`^${field} changed`));
  });

  test("catches a proposition added where there was none", () => {
    expect(
      checkCorrection(
        file,
        before,
        { ...before, proposition: "DJI sends logs to China." },
        "2026-12-01",
      )[0]?.message,
    ).toMatch(/^proposition changed, but no corrections entry/);
  });

  test("refuses a published page put back to a draft, and says how to withdraw it", () => {
    const entry = { date: "2026-12-01", kind: "update", text: "Taken down." };
    const problems = checkCorrection(
      file,
      before,
      { ...before, draft: true, corrections: [entry] },
      "2026-12-01",
    );
    expect(problems.map(({ field, message }) => `${field}: ${message}`)).toEqual([
      "draft: a published check cannot go back to a draft: its address would stop answering readers who kept or shared it. To take it down, set withdrawn: true instead (keep draft: false) and add a corrections entry with date: 2026-12-01, kind: withdrawal and text: why; the page then shows that notice in place of the check",
    ]);
  });

  test("keeps a withdrawn check as it was: no rating changes while withdrawn, withdrawing or publishing again", () => {
    const entry = (kind: string, day: string) => ({ date: day, kind, text: "Taken down." });
    const withdrawn = {
      ...before,
      withdrawn: true,
      corrections: [entry("withdrawal", "2026-12-01")],
    };
    const messages = (from: Record<string, unknown>, to: Record<string, unknown>) =>
      checkCorrection(file, from, to, "2026-12-02").map(({ message }) => message);
    const frozen = /^verdict cannot change while the check is withdrawn/;
    // Withdrawn and re-rated in one change.
    expect(messages(before, { ...withdrawn, verdict: "accurate" })[0]).toMatch(frozen);
    // Re-rated while withdrawn, with an entry readers of the notice never see.
    const again = {
      ...withdrawn,
      corrections: [...withdrawn.corrections, entry("withdrawal", "2026-12-02")],
    };
    expect(messages(withdrawn, { ...again, verdict: "accurate" })[0]).toMatch(frozen);
    // Published again and re-rated in one change.
    const back = {
      ...before,
      corrections: [...withdrawn.corrections, entry("update", "2026-12-02")],
    };
    expect(messages(withdrawn, { ...back, verdict: "accurate" })[0]).toMatch(frozen);
    expect(messages(withdrawn, back)).toEqual([]);
  });

  test("catches a claim moved in the story (its number, its place) without an entry", () => {
    const placed = { ...before, appearance: { order: 3, location: "Paragraph 2" } };
    const moved = { ...placed, appearance: { order: 0.5, location: "Headline" } };
    expect(checkCorrection(file, placed, moved, "2026-12-01")[0]?.message).toMatch(
      /^appearance changed from \{"order":3,"location":"Paragraph 2"\} to \{"order":0.5,"location":"Headline"\}, but no corrections entry/,
    );
  });

  test("publishes a withdrawn check again only as it was: an In brief point changed is refused", () => {
    const withdrawn = {
      ...before,
      inBrief: ["One point.", "Another."],
      withdrawn: true,
      corrections: [{ date: "2026-12-01", kind: "withdrawal", text: "Taken down." }],
    };
    const again = {
      ...withdrawn,
      withdrawn: false,
      inBrief: ["One point, now saying the opposite.", "Another."],
      corrections: [
        ...withdrawn.corrections,
        { date: "2026-12-02", kind: "update", text: "Back." },
      ],
    };
    expect(checkCorrection(file, withdrawn, again, "2026-12-02")[0]?.message).toMatch(
      /^inBrief cannot change while the check is withdrawn/,
    );
  });

  test("keeps the day a published check first appeared", () => {
    const dated = { ...before, published: "2026-11-24" };
    expect(
      checkCorrection(file, dated, { ...dated, published: "2017-12-01" }, "2026-12-01")[0]?.message,
    ).toMatch(/^is the day the check first appeared \(2026-11-24\), which cannot change/);
    // A draft has not appeared yet: its date is still the editor's to set.
    const draft = { ...dated, draft: true };
    expect(
      checkCorrection(file, draft, { ...draft, published: "2026-12-01" }, "2026-12-01"),
    ).toEqual([]);
  });

  test("refuses a draft withdrawn: it was never published", () => {
    const withdrawn = {
      ...before,
      withdrawn: true,
      corrections: [{ date: "2026-12-01", kind: "withdrawal", text: "Made up." }],
    };
    expect(
      checkCorrection(file, { ...before, draft: true }, withdrawn, "2026-12-01")[0]?.message,
    ).toMatch(/^a draft cannot be withdrawn: it was never published/);
  });

  test("catches a check withdrawn, or published again, without a new entry", () => {
    expect(
      checkCorrection(file, before, { ...before, withdrawn: true }, "2026-12-01")[0]?.message,
    ).toMatch(
      /^the check was withdrawn, but no corrections entry was added; .* kind: withdrawal and text/,
    );
    const withdrawn = {
      ...before,
      withdrawn: true,
      corrections: [{ date: "2026-12-01", kind: "withdrawal", text: "Taken down." }],
    };
    expect(checkCorrection(file, before, withdrawn, "2026-12-01")).toEqual([]);
    const again = { ...withdrawn, withdrawn: false };
    expect(checkCorrection(file, withdrawn, again, "2026-12-02")[0]?.message).toMatch(
      /^the check was published again \(withdrawn removed\), but no corrections entry/,
    );
  });
});

describe("the corrections log only grows", () => {
  const logged = {
    ...before,
    corrections: [{ date: "2026-11-29", kind: "update", text: "The ratings are unchanged." }],
  };

  test("an edited earlier entry does not count as the record of a new change", () => {
    const after = {
      ...logged,
      verdict: "mixed",
      corrections: [
        { date: "2026-11-29", kind: "update", text: "The ratings are unchanged, again." },
      ],
    };
    const messages = checkCorrection(file, logged, after, "2026-12-01").map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(/^an earlier corrections entry was changed or removed/),
      expect.stringMatching(
        /^verdict changed from "unproven" to "mixed", but no corrections entry/,
      ),
    ]);
  });

  test("a new entry must follow the earlier ones, dated no earlier than the last update", () => {
    const dated = { ...logged, updated: "2026-11-29" };
    const entry = (date: string) => ({ date, kind: "update", text: "Tidied one sentence." });
    const above = {
      ...dated,
      verdict: "mixed",
      corrections: [entry("2026-12-01"), ...logged.corrections],
    };
    expect(checkCorrection(file, dated, above, "2026-12-01").map((p) => p.message)).toEqual([
      expect.stringMatching(/^a new corrections entry was put above earlier ones/),
    ]);
    const backdated = {
      ...dated,
      verdict: "mixed",
      corrections: [...logged.corrections, entry("2026-11-24")],
    };
    expect(checkCorrection(file, dated, backdated, "2026-12-01").map((p) => p.message)).toEqual([
      "a new corrections entry is dated 2026-11-24, before the page's last update (2026-11-29); date it the day the change is made (today is 2026-12-01)",
    ]);
    const honest = {
      ...dated,
      verdict: "mixed",
      corrections: [...logged.corrections, entry("2026-12-01")],
    };
    expect(checkCorrection(file, dated, honest, "2026-12-01")).toEqual([]);
  });

  test("editing or removing an earlier entry is refused even without a rating change", () => {
    expect(checkCorrection(file, logged, { ...logged, corrections: [] }, "2026-12-01")).toEqual([
      expect.objectContaining({
        field: "corrections",
        message: expect.stringMatching(/^an earlier/),
      }),
    ]);
  });
});

describe("the corrections check against the base branch", () => {
  const script = fileURLToPath(new URL("../../scripts/check-corrections.ts", import.meta.url));
  const claim = (verdict: string) =>
    `---\nclaim: "The memo says so."\nreporting: accurate\nverdict: ${verdict}\nbottomLine: "A line."\ncorrections: []\n---\n\nText.\n`;

  /** A repository whose main has one claim, on a feature branch that changes it by `edit`. */
  function repository(edit: (git: (...args: string[]) => void, root: string) => void): string {
    const root = mkdtempSync(join(tmpdir(), "corrections-"));
    const git = (...args: string[]) => {
      execFileSync("git", args, { cwd: root, stdio: "ignore" });
    };
    git("init", "-q", "-b", "main");
    git("config", "user.email", "editor@example.org");
    git("config", "user.name", "Editor");
    mkdirSync(join(root, "content/claims"), { recursive: true });
    writeFileSync(join(root, "content/claims/old-name.mdx"), claim("unproven"));
    git("add", ".");
    git("commit", "-q", "-m", "A claim");
    git("checkout", "-q", "-b", "feature");
    edit(git, root);
    return root;
  }

  /**
   * A branch that adds one claim, on other words than the one on main, with
   * these lines in place of its empty corrections list.
   */
  const addingClaim = (name: string, corrections: string) =>
    repository((git, dir) => {
      const text = claim("unproven")
        .replace("The memo says so.", "Another sentence.")
        .replace("corrections: []", corrections);
      writeFileSync(join(dir, `content/claims/${name}`), text);
      git("add", ".");
      git("commit", "-q", "-m", `Add ${name}`);
    });

  /** Runs the check on `root`, which must fail and say `message`. */
  const expectRefused = (root: string, message: string) => {
    const result = run(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  };

  const run = (root: string) =>
    spawnSync(process.execPath, [script], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, BASE_REF: "main", GITHUB_BASE_REF: "" },
    });

  test("follows a renamed claim and catches its new rating", () => {
    const root = repository((git, dir) => {
      git("mv", "content/claims/old-name.mdx", "content/claims/new-name.mdx");
      writeFileSync(join(dir, "content/claims/new-name.mdx"), claim("mixed"));
      git("commit", "-q", "-am", "Rename and re-rate");
    });
    expectRefused(
      root,
      'content/claims/new-name.mdx: corrections: verdict changed from "unproven" to "mixed"',
    );
  });

  test("on a local main, compares with the remote's branch, and says so", () => {
    const upstream = repository((git) => git("checkout", "-q", "main"));
    const clone = mkdtempSync(join(tmpdir(), "corrections-clone-"));
    execFileSync("git", ["clone", "-q", "-b", "main", upstream, clone]);
    const git = (...args: string[]) => execFileSync("git", args, { cwd: clone, stdio: "ignore" });
    git("config", "user.email", "editor@example.org");
    git("config", "user.name", "Editor");
    writeFileSync(join(clone, "content/claims/old-name.mdx"), claim("mixed"));
    git("commit", "-q", "-am", "Re-rate on main");
    const result = spawnSync(process.execPath, [script], {
      cwd: clone,
      encoding: "utf8",
      env: { ...process.env, BASE_REF: "", GITHUB_BASE_REF: "" },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("compared with origin/main at ");
    expect(result.stderr).toContain('verdict changed from "unproven" to "mixed"');
  });

  test("pairs a claim deleted and re-added under a new name, whatever git's similarity", () => {
    const root = repository((git, dir) => {
      git("rm", "-q", "content/claims/old-name.mdx");
      mkdirSync(join(dir, "content/claims"), { recursive: true });
      writeFileSync(
        join(dir, "content/claims/new-name.mdx"),
        `---\nclaim:   "The memo says so."\nverdict:    mixed\nreporting:   accurate\nbottomLine:  "A line."\ncorrections: []\n---\n\nQuite different text, all of it, so git sees no rename at all.\n`,
      );
      git("add", ".");
      git("commit", "-q", "-m", "Move and re-rate");
    });
    expectRefused(root, 'verdict changed from "unproven" to "mixed"');
  });

  test("pairs a claim re-added with a character of its quote changed, and catches its new rating", () => {
    const root = repository((git, dir) => {
      git("rm", "-q", "content/claims/old-name.mdx");
      mkdirSync(join(dir, "content/claims"), { recursive: true });
      writeFileSync(
        join(dir, "content/claims/new-name.mdx"),
        claim("mixed").replace("The memo says so.", "The memo says so!"),
      );
      git("add", ".");
      git("commit", "-q", "-m", "Delete and re-add");
    });
    expectRefused(root, 'verdict changed from "unproven" to "mixed"');
  });

  test("compares a near copy published beside its withdrawn original with the original", () => {
    const root = repository((git, dir) => {
      writeFileSync(
        join(dir, "content/claims/old-name.mdx"),
        claim("unproven").replace(
          "corrections: []",
          'withdrawn: true\ncorrections: [{ date: 2026-12-01, kind: withdrawal, text: "Withdrawn." }]',
        ),
      );
      writeFileSync(
        join(dir, "content/claims/new-name.mdx"),
        claim("mixed").replace("The memo says so.", "The memo says so!"),
      );
      git("add", ".");
      git("commit", "-q", "-m", "Withdraw and publish a copy");
    });
    expectRefused(
      root,
      'content/claims/new-name.mdx: corrections: verdict changed from "unproven" to "mixed"',
    );
  });

  test("refuses a published claim deleted outright", () => {
    const root = repository((git) => {
      git("rm", "-q", "content/claims/old-name.mdx");
      git("commit", "-q", "-m", "Delete");
    });
    expectRefused(root, "content/claims/old-name.mdx: corrections: a published claim was removed");
  });

  test("refuses a published claim moved to a new file name, whose address would stop answering", () => {
    const root = repository((git) => {
      git("mv", "content/claims/old-name.mdx", "content/claims/new-name.mdx");
      git("commit", "-q", "-m", "Rename");
    });
    expectRefused(
      root,
      "content/claims/new-name.mdx: moves a published check from content/claims/old-name.mdx: its file name is its address (/claims/old-name/)",
    );
  });

  test("passes a draft moved to a new file name: no reader has its address", () => {
    const root = repository((git, dir) => {
      writeFileSync(
        join(dir, "content/claims/draft.mdx"),
        `---\ndraft: true\n${claim("unproven").slice(4)}`,
      );
      git("add", ".");
      git("commit", "-q", "-m", "A draft");
    });
    execFileSync("git", ["checkout", "-q", "main"], { cwd: root });
    execFileSync("git", ["merge", "-q", "feature"], { cwd: root });
    execFileSync("git", ["checkout", "-q", "feature"], { cwd: root });
    execFileSync("git", ["mv", "content/claims/draft.mdx", "content/claims/draft-renamed.mdx"], {
      cwd: root,
    });
    execFileSync("git", ["commit", "-q", "-m", "Rename the draft"], { cwd: root });
    expect(run(root).stderr).not.toContain("moves a published check");
  });

  test("asks every published check of a claimant renamed to record it", () => {
    const root = repository((git, dir) => {
      // On main: the claim names a claimant (merged first, as an earlier change).
      mkdirSync(join(dir, "content/claimants"), { recursive: true });
      writeFileSync(join(dir, "content/claimants/agency.yaml"), "name: A field office\n");
      const named = claim("unproven").replace(
        "corrections: []",
        "claimant: agency\ncorrections: []",
      );
      writeFileSync(join(dir, "content/claims/old-name.mdx"), named);
      git("add", ".");
      git("commit", "-q", "-m", "A claimant");
      git("checkout", "-q", "main");
      git("merge", "-q", "feature");
      git("checkout", "-q", "feature");
      // On the branch: the claimant becomes the whole department.
      writeFileSync(join(dir, "content/claimants/agency.yaml"), "name: The whole department\n");
      git("commit", "-q", "-am", "Rename the claimant");
    });
    expectRefused(
      root,
      "content/claims/old-name.mdx: corrections: names agency as who made the claim, and content/claimants/agency.yaml changes its name (A field office → The whole department)",
    );
  });

  test("refuses a check published for the first time with a history of corrections", () => {
    const root = addingClaim(
      "brand-new.mdx",
      'corrections: [{ date: 2026-11-10, kind: correction, text: "An invented past." }]',
    );
    expectRefused(
      root,
      "content/claims/brand-new.mdx: corrections: a check published for the first time has no history yet",
    );
  });

  test("refuses a new claim that starts withdrawn, a withdrawal that never happened", () => {
    const root = addingClaim(
      "never-published.mdx",
      'withdrawn: true\ncorrections: [{ date: 2026-12-01, kind: withdrawal, text: "Made up." }]',
    );
    expectRefused(
      root,
      "content/claims/never-published.mdx: withdrawn: a new claim cannot start withdrawn",
    );
  });
});
