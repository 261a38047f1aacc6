/**
 * The corrections rule applied to an editor's change: every claim whose
 * rating or bottom line differs from the base branch must add a corrections
 * entry (src/content-check/corrections.ts says what counts), and a published
 * claim may not simply be deleted.
 */
import { basename } from "node:path";
import { checkCorrection, frontmatterOf } from "../../src/content-check/corrections.ts";
import type { Problem } from "../../src/content-check/index.ts";
import {
  MOST_UNLIKE,
  changedFiles,
  claimWords,
  followMovedClaims,
  likeness,
  textAtBase,
  textNow,
  type Base,
} from "./changes.ts";

export interface CorrectionsResult {
  readonly problems: Problem[];
  /** How many existing claim files the change touched. */
  readonly changedClaims: number;
}

/** Whether a claim's page shows its check: neither a draft nor withdrawn. */
const isPublished = (data: Record<string, unknown>): boolean =>
  data["draft"] !== true && data["withdrawn"] !== true;

export function checkCorrections(cwd: string, base: Base, today: string): CorrectionsResult {
  // Renames are followed, by git and by the claim each file quotes: a claim
  // moved to a new file name and re-rated in the same change is compared with
  // its old self. New claims need no entry.
  const changes = followMovedClaims(cwd, base, changedFiles(cwd, base, "content/claims"));
  const changed = changes.filter((change) => change.before && change.after?.endsWith(".mdx"));
  const problems: Problem[] = [];
  // A published check removed outright takes its page, its ratings and its
  // corrections log from readers, with no entry to say so; a claim moved to
  // a new file is paired above and compared instead.
  for (const { status, before: oldFile = "" } of changes) {
    if (status !== "deleted" || !oldFile.endsWith(".mdx")) continue;
    const was = frontmatterOf(textAtBase(cwd, base, oldFile));
    // A withdrawn claim's page is still there, with its log: it stays too.
    if (!was || was["draft"] === true) continue;
    problems.push({
      file: oldFile,
      field: "corrections",
      cause: true,
      message:
        "a published claim was removed, and with it its ratings and its corrections log; restore the file (git checkout the base branch's copy). To take it down, keep the file, set withdrawn: true and add a corrections entry of kind: withdrawal saying why; to move it, keep its claim words so the new file is compared with it",
    });
  }
  // A published check's file name is its address, which readers may have
  // kept or shared: moved, the old address would stop answering. (A claim
  // moved is still compared with its old self below.)
  for (const { status, before: oldFile = "", after: file = "" } of changes) {
    if (status !== "renamed" || !oldFile.endsWith(".mdx")) continue;
    const was = frontmatterOf(textAtBase(cwd, base, oldFile));
    if (!was || was["draft"] === true) continue;
    problems.push({
      file,
      cause: true,
      message: `moves a published check from ${oldFile}: its file name is its address (/claims/${basename(oldFile, ".mdx")}/), which readers may have kept or shared, and that address would stop answering. Keep the file name ${basename(oldFile)}; its title can change, with a corrections entry`,
    });
  }
  // Only a check readers have seen can be withdrawn: a new file that starts
  // withdrawn would be a notice of a withdrawal that never happened. And a
  // check published for the first time has no history yet: entries it brings
  // (copied, or written on a draft) would tell readers of changes they never
  // saw.
  for (const { status, before: oldFile = "", after: file = "" } of changes) {
    if (!file.endsWith(".mdx") || (status !== "added" && status !== "modified")) continue;
    const text = textNow(cwd, file);
    const now = text === undefined ? undefined : frontmatterOf(text);
    const was = status === "added" ? undefined : frontmatterOf(textAtBase(cwd, base, oldFile));
    if (!now || (was && was["draft"] !== true)) continue;
    if (status === "added" && now["withdrawn"] === true) {
      problems.push({
        file,
        field: "withdrawn",
        message:
          "a new claim cannot start withdrawn: only a check that was published can be withdrawn. Remove withdrawn: true (and its withdrawal entry); set draft: true until the claim is ready",
      });
    } else if (
      now["draft"] !== true &&
      Array.isArray(now["corrections"]) &&
      now["corrections"].length > 0
    ) {
      problems.push({
        file,
        field: "corrections",
        message:
          "a check published for the first time has no history yet, so its corrections list must be empty (corrections: []); entries copied from another page, or written on the draft, would tell readers of changes they never saw",
      });
    }
  }
  // A published claim withdrawn (or put back to a draft, which the rule
  // refuses) while a near copy of it is published in the same change is the
  // claim re-rated under a new name: the copy is compared below with the
  // claim as it was.
  const withdrawn: { was: Record<string, unknown>; words: ReturnType<typeof claimWords> }[] = [];
  for (const { before: oldFile = "", after: file = "" } of changed) {
    const text = textNow(cwd, file);
    if (text === undefined) continue;
    const baseText = textAtBase(cwd, base, oldFile);
    const before = frontmatterOf(baseText);
    const after = frontmatterOf(text);
    // A file whose frontmatter does not parse is reported by the content check.
    if (!before || !after) continue;
    problems.push(...checkCorrection(file, before, after, today));
    if (isPublished(before) && !isPublished(after)) {
      withdrawn.push({ was: before, words: claimWords(baseText) });
    }
  }
  for (const { status, after: file = "" } of changes) {
    if (status !== "added" || withdrawn.length === 0 || !file.endsWith(".mdx")) continue;
    const text = textNow(cwd, file);
    const now = text === undefined ? undefined : frontmatterOf(text);
    if (!now || !isPublished(now)) continue;
    const copied = withdrawn.find(({ words }) => likeness(words, claimWords(text)) <= MOST_UNLIKE);
    if (copied) problems.push(...checkCorrection(file, copied.was, now, today));
  }
  return { problems, changedClaims: changed.length };
}
