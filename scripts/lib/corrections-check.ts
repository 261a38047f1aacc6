/**
 * The corrections rule applied to an editor's change: every claim whose
 * rating or bottom line differs from the base branch must add a corrections
 * entry (src/content-check/corrections.ts says what counts), and a published
 * claim may not simply be deleted.
 */
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { load as loadYaml } from "js-yaml";
import {
  checkCorrection,
  frontmatterOf,
  isPlainTree,
} from "../../src/content-check/corrections.ts";
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
  problems.push(...checkClaimantChanges(cwd, base));
  return { problems, changedClaims: changed.length };
}

/** What readers are shown of who made a claim: its claimant file's name, kind and site. */
const CLAIMANT_FIELDS = ["name", "kind", "url"] as const;

const yamlOf = (text: string | undefined): Record<string, unknown> | undefined => {
  try {
    const data: unknown = text === undefined ? undefined : loadYaml(text);
    return data && typeof data === "object" && isPlainTree(data)
      ? (data as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

const atBase = (cwd: string, base: Base, path: string): string | undefined => {
  try {
    return textAtBase(cwd, base, path);
  } catch {
    return undefined;
  }
};

/**
 * Who made a claim is part of what it rates, and readers see it on the page,
 * in structured data and in the data export: a claimant renamed (or made
 * into another organisation) changes every check that names it, so each of
 * those published checks must add an entry in the same change.
 */
function checkClaimantChanges(cwd: string, base: Base): Problem[] {
  const problems: Problem[] = [];
  const claimants = changedFiles(cwd, base, "content/claimants").filter(
    (change) => change.before && change.after,
  );
  if (claimants.length === 0) return problems;
  const claimFiles = readdirSync(join(cwd, "content/claims"))
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => `content/claims/${name}`);
  for (const { before = "", after = "" } of claimants) {
    const was = yamlOf(atBase(cwd, base, before));
    const now = yamlOf(textNow(cwd, after));
    if (!was || !now) continue;
    const fields = CLAIMANT_FIELDS.filter(
      (field) => JSON.stringify(was[field]) !== JSON.stringify(now[field]),
    );
    if (fields.length === 0) continue;
    const id = basename(before, ".yaml");
    for (const file of claimFiles) {
      const data = frontmatterOf(textNow(cwd, file) ?? "");
      if (!data || data["draft"] === true) continue;
      if (data["claimant"] !== id && data["propositionBy"] !== id) continue;
      const old = frontmatterOf(atBase(cwd, base, file) ?? "");
      const entries = (value: unknown) => (Array.isArray(value) ? value.length : 0);
      if (old && entries(data["corrections"]) > entries(old["corrections"])) continue;
      problems.push({
        file,
        field: "corrections",
        message: `names ${id} as who made the claim, and ${before} changes its ${fields.join(" and ")} (${fields.map((field) => `${String(was[field])} → ${String(now[field])}`).join("; ")}); readers are told who said what, so add a corrections entry here saying so, or undo the change`,
      });
    }
  }
  return problems;
}
