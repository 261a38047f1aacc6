/**
 * What an editor's change is, measured against the branch it will be merged
 * into: the corrections check, `npm run check:content` and `npm run review`
 * all compare the working tree (committed and uncommitted edits, new files
 * included) with the merge base found here, and say which it was.
 */
import { execFileSync } from "node:child_process";
import { lstatSync, readFileSync, realpathSync } from "node:fs";
import { join, sep } from "node:path";
import { MOST_UNLIKE, claimKey, unlikeness } from "../../src/content-check/suggest.ts";
import { frontmatterOf } from "../../src/content-check/corrections.ts";
import { MAX_FILE_BYTES } from "../../src/schemas/limits.ts";

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    // Node's default (1 MB) failed with ENOBUFS on a change of 5,000 files.
    maxBuffer: 256 * 1024 * 1024,
  }).trim();

const tryGit = (cwd: string, ...args: string[]) => {
  try {
    return git(cwd, ...args);
  } catch {
    return undefined;
  }
};

export interface Base {
  /** The branch compared with, as git names it: `origin/main`. */
  readonly ref: string;
  /** The commit where the change left that branch. */
  readonly mergeBase: string;
  /** One line for the editor: what was compared with what. */
  readonly description: string;
}

/**
 * The branch a change will be merged into, in order of preference: the pull
 * request's target in GitHub Actions (GITHUB_BASE_REF), BASE_REF when an
 * editor sets it, the remote's default branch, then local `main`. A remote
 * branch comes before local `main`, so commits made on a local `main` are
 * still compared with what the project has.
 */
export function findBase(cwd: string, env = process.env): Base | { readonly error: string } {
  const pullRequestBase = env["GITHUB_BASE_REF"];
  const candidates = pullRequestBase
    ? [`origin/${pullRequestBase}`, pullRequestBase]
    : env["BASE_REF"]
      ? [env["BASE_REF"]]
      : [
          tryGit(cwd, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"),
          "origin/main",
          "main",
        ].filter((ref): ref is string => Boolean(ref));
  const ref = candidates.find((candidate) =>
    tryGit(cwd, "rev-parse", "--verify", "--quiet", `${candidate}^{commit}`),
  );
  if (!ref) {
    return {
      error: `there is no base branch to compare with (tried ${candidates.join(", ")}); fetch it (git fetch origin main) or name one with BASE_REF=<branch or commit>`,
    };
  }
  const mergeBase = git(cwd, "merge-base", "HEAD", ref);
  const head = git(cwd, "rev-parse", "HEAD");
  const short = mergeBase.slice(0, 7);
  const description =
    mergeBase === head
      ? `compared with ${ref} at ${short}: your branch has no commits of its own yet, so your uncommitted edits are what is checked`
      : `compared with ${ref} at ${short}, where your branch started: your commits and your edits not yet committed`;
  return { ref, mergeBase, description };
}

export type ChangeStatus = "added" | "modified" | "deleted" | "renamed";

export interface Change {
  readonly status: ChangeStatus;
  /** The path at the merge base; absent for an added file. */
  readonly before?: string;
  /** The path in the working tree; absent for a deleted file. */
  readonly after?: string;
}

const STATUS: Record<string, ChangeStatus> = {
  A: "added",
  M: "modified",
  D: "deleted",
  R: "renamed",
};

/** Files under `folder` that differ from the merge base, renames followed, new files included. */
export function changedFiles(cwd: string, base: Base, folder: string): Change[] {
  const tracked = git(cwd, "diff", "--name-status", "-M", base.mergeBase, "--", folder)
    .split("\n")
    .filter(Boolean)
    .flatMap((line): Change[] => {
      const [code = "", from = "", to] = line.split("\t");
      const status = STATUS[code[0] ?? ""];
      if (!status) return [];
      if (status === "added") return [{ status, after: from }];
      if (status === "deleted") return [{ status, before: from }];
      return [{ status, before: from, after: to ?? from }];
    });
  const untracked = git(cwd, "ls-files", "--others", "--exclude-standard", "--", folder)
    .split("\n")
    .filter(Boolean)
    .map((path): Change => ({ status: "added", after: path }));
  return [...tracked, ...untracked];
}

/**
 * A file's text in the working tree; undefined if it is gone, is not a plain
 * file, or is larger than any content file may be: a symbolic link could show
 * a file from outside the repository, and a 90 MB file filled the review's
 * public job summary. The content check refuses both, naming the file.
 */
export function textNow(cwd: string, path: string): string | undefined {
  const file = join(cwd, path);
  try {
    const stats = lstatSync(file);
    // A folder on the way that is a link would lead out of the repository too,
    // and a hard link is a second name for a file that may live anywhere.
    const inside = realpathSync(file).startsWith(realpathSync(cwd) + sep);
    return stats.isFile() && stats.nlink === 1 && inside && stats.size <= MAX_FILE_BYTES
      ? readFileSync(file, "utf8")
      : undefined;
  } catch {
    return undefined;
  }
}

/** A file's text at the merge base. */
export function textAtBase(cwd: string, base: Base, path: string): string {
  return git(cwd, "show", `${base.mergeBase}:${path}`);
}

/** A file's text at the merge base, or undefined if it did not exist there. */
export const textAtBaseIfAny = (cwd: string, base: Base, path: string): string | undefined =>
  tryGit(cwd, "show", `${base.mergeBase}:${path}`);

/** Text as compared when telling one file's claim or title from another's: one line, lower case. */
export const folded = (value: unknown): string | undefined =>
  typeof value === "string" ? claimKey(value) : undefined;

/** A claim's quoted words and title, folded, for telling one claim from another. */
export function claimWords(text: string | undefined): {
  claim: string | undefined;
  title: string | undefined;
} {
  const data = text === undefined ? undefined : frontmatterOf(text);
  return { claim: folded(data?.["claim"]), title: folded(data?.["title"]) };
}

/**
 * Claims deleted and added in one change that quote the same claim, or
 * nearly (a character changed, or the same title), are one claim moved,
 * whatever git's similarity says (a rename with the file re-wrapped is
 * "delete and add" to git): they are paired as a rename, so a new rating
 * under a new address is still compared with the old one.
 */
export function followMovedClaims(cwd: string, base: Base, changes: readonly Change[]): Change[] {
  const isClaim = (path: string | undefined) =>
    path?.startsWith("content/claims/") === true && path.endsWith(".mdx");
  const deleted = changes
    .filter((change) => change.status === "deleted" && isClaim(change.before))
    .map((change) => ({ change, ...claimWords(textAtBase(cwd, base, change.before ?? "")) }));
  const paired = new Set<Change>();
  const result = changes.map((change): Change => {
    if (change.status !== "added" || !isClaim(change.after)) return change;
    const added = claimWords(textNow(cwd, change.after ?? ""));
    const moved = deleted
      .filter(({ change: old }) => !paired.has(old))
      .map((old) => ({ old, score: likeness(old, added) }))
      .filter(({ score }) => score <= MOST_UNLIKE)
      .sort((a, b) => a.score - b.score)[0]?.old.change;
    if (!moved) return change;
    paired.add(moved);
    return { status: "renamed", before: moved.before ?? "", after: change.after ?? "" };
  });
  return result.filter((change) => !paired.has(change));
}

/**
 * How far apart two claims' quoted words (or, failing those, titles) are: the
 * edit distance as a share of the longer text, 0 for the same words. A claim
 * deleted and re-added with a character changed is still the same claim,
 * compared with its old self; a different sentence of the story is not.
 */
export function likeness(
  old: { claim?: string | undefined; title?: string | undefined },
  now: { claim?: string | undefined; title?: string | undefined },
): number {
  const apart = (a: string | undefined, b: string | undefined) => (a && b ? unlikeness(a, b) : 1);
  return Math.min(apart(old.claim, now.claim), apart(old.title, now.title));
}
