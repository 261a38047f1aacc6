/**
 * Fails when a claim's rating or bottom line changed against the base branch
 * without a new corrections entry. In GitHub Actions the base is the pull
 * request's target (GITHUB_BASE_REF); locally it is `main`, or BASE_REF.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { checkCorrection, frontmatterOf } from "../src/content-check/corrections.ts";
import { formatReport, type Problem } from "../src/content-check/index.ts";

const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
const tryGit = (...args: string[]) => {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
};

const candidates = process.env["GITHUB_BASE_REF"]
  ? [`origin/${process.env["GITHUB_BASE_REF"]}`, process.env["GITHUB_BASE_REF"]]
  : [process.env["BASE_REF"] ?? "main", "origin/main"];
const base = candidates.find((ref) =>
  tryGit("rev-parse", "--verify", "--quiet", `${ref}^{commit}`),
);
if (!base) {
  console.error(
    `The corrections check needs the base branch to compare against, but none of ${candidates.join(", ")} exists here. Fetch it (git fetch origin main) or set BASE_REF.`,
  );
  process.exit(1);
}
const mergeBase = git("merge-base", "HEAD", base);
// Committed and uncommitted changes alike, so editors see this before they
// push. Renames are followed: a claim moved to a new file name and re-rated in
// the same change is compared with its old self.
const changedFiles = git(
  "diff",
  "--name-status",
  "-M",
  "--diff-filter=MR",
  mergeBase,
  "--",
  "content/claims",
)
  .split("\n")
  .filter(Boolean)
  .map((line) => {
    const [status = "", from = "", to] = line.split("\t");
    return { before: from, after: status.startsWith("R") && to ? to : from };
  })
  .filter(({ after }) => after.endsWith(".mdx"));

const today = new Date().toISOString().slice(0, 10);
const problems: Problem[] = [];
for (const { before: oldFile, after: file } of changedFiles) {
  if (!existsSync(file)) continue;
  const before = frontmatterOf(git("show", `${mergeBase}:${oldFile}`));
  const after = frontmatterOf(readFileSync(file, "utf8"));
  // A file whose frontmatter does not parse is reported by the content check.
  if (before && after) problems.push(...checkCorrection(file, before, after, today));
}

if (problems.length > 0) {
  console.error(formatReport(problems));
  process.exit(1);
}
console.log(
  `Corrections check: ${changedFiles.length} changed claim file(s) since ${base} (${mergeBase.slice(0, 7)}); every change to a rating, the bottom line or the answer has a corrections entry.`,
);
