/**
 * The corrections rule applied to an editor's change: every claim whose
 * rating or bottom line differs from the base branch must add a corrections
 * entry (src/content-check/corrections.ts says what counts), and a published
 * claim may not simply be deleted.
 */
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import {
  checkCorrection,
  frontmatterOf,
  isPublishedCheck,
  yamlDataOf,
} from "../../src/content-check/corrections.ts";
import type { Problem } from "../../src/content-check/index.ts";
import { MOST_UNLIKE } from "../../src/content-check/suggest.ts";
import {
  changedFiles,
  claimWords,
  followMovedClaims,
  likeness,
  textAtBase,
  textAtBaseIfAny,
  textNow,
  type Base,
  type Change,
} from "./changes.ts";

export interface CorrectionsResult {
  readonly problems: Problem[];
  /** How many existing claim files the change touched. */
  readonly changedClaims: number;
}

type Data = Record<string, unknown>;

/** A changed claim file read once: its text and fields now and at the base. */
interface ReadChange extends Change {
  readonly text?: string | undefined;
  readonly baseText?: string | undefined;
  readonly now?: Data | undefined;
  readonly was?: Data | undefined;
}

function readChange(cwd: string, base: Base, change: Change): ReadChange {
  const mdx = change.before?.endsWith(".mdx") || change.after?.endsWith(".mdx");
  const text = change.after?.endsWith(".mdx") ? textNow(cwd, change.after) : undefined;
  const baseText = change.before && mdx ? textAtBase(cwd, base, change.before) : undefined;
  return {
    ...change,
    text,
    baseText,
    now: text === undefined ? undefined : frontmatterOf(text),
    was: baseText === undefined ? undefined : frontmatterOf(baseText),
  };
}

export function checkCorrections(cwd: string, base: Base, today: string): CorrectionsResult {
  // Renames are followed, by git and by the claim each file quotes: a claim
  // moved to a new file name and re-rated in the same change is compared with
  // its old self. New claims need no entry.
  const changes = followMovedClaims(cwd, base, changedFiles(cwd, base, "content/claims")).map(
    (change) => readChange(cwd, base, change),
  );
  const changed = changes.filter((change) => change.before && change.after?.endsWith(".mdx"));
  const problems: Problem[] = [];
  for (const { status, before: oldFile = "", after: file = "", was, now } of changes) {
    // A published check removed outright takes its page, its ratings and its
    // corrections log from readers, with no entry to say so; a claim moved
    // to a new file is paired above and compared instead. A withdrawn claim's
    // page is still there, with its log: it stays too.
    if (status === "deleted" && oldFile.endsWith(".mdx") && was && was["draft"] !== true) {
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
    if (status === "renamed" && oldFile.endsWith(".mdx") && was && was["draft"] !== true) {
      problems.push({
        file,
        cause: true,
        message: `moves a published check from ${oldFile}: its file name is its address (/claims/${basename(oldFile, ".mdx")}/), which readers may have kept or shared, and that address would stop answering. Keep the file name ${basename(oldFile)}; its title can change, with a corrections entry`,
      });
    }
    // Only a check readers have seen can be withdrawn: a new file that starts
    // withdrawn would be a notice of a withdrawal that never happened. And a
    // check published for the first time has no history yet: entries it
    // brings (copied, or written on a draft) would tell readers of changes
    // they never saw.
    const firstShown =
      status === "added" || (status === "modified" && (!was || was["draft"] === true));
    if (!now || !file.endsWith(".mdx") || !firstShown) continue;
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
  const withdrawn: { was: Data; words: ReturnType<typeof claimWords> }[] = [];
  for (const { after: file = "", was: before, now: after, baseText } of changed) {
    // A file whose frontmatter does not parse is reported by the content check.
    if (!before || !after) continue;
    problems.push(...checkCorrection(file, before, after, today));
    if (isPublishedCheck(before) && !isPublishedCheck(after)) {
      withdrawn.push({ was: before, words: claimWords(baseText) });
    }
  }
  for (const { status, after: file = "", now, text } of changes) {
    if (status !== "added" || withdrawn.length === 0 || !now || !isPublishedCheck(now)) continue;
    const copied = withdrawn.find(({ words }) => likeness(words, claimWords(text)) <= MOST_UNLIKE);
    if (copied) problems.push(...checkCorrection(file, copied.was, now, today));
  }
  problems.push(...checkClaimantChanges(cwd, base));
  return { problems, changedClaims: changed.length };
}

/** What readers are shown of who made a claim: its claimant file's name, kind and site. */
const CLAIMANT_FIELDS = ["name", "kind", "url"] as const;

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
  // Every published claim's fields, read once for all the claimants changed.
  const claims = readdirSync(join(cwd, "content/claims"))
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => `content/claims/${name}`)
    .flatMap((file) => {
      const data = frontmatterOf(textNow(cwd, file) ?? "");
      return data && data["draft"] !== true ? [{ file, data }] : [];
    });
  const entries = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  for (const { before = "", after = "" } of claimants) {
    const was = yamlDataOf(textAtBaseIfAny(cwd, base, before));
    const now = yamlDataOf(textNow(cwd, after));
    if (!was || !now) continue;
    const fields = CLAIMANT_FIELDS.filter(
      (field) => JSON.stringify(was[field]) !== JSON.stringify(now[field]),
    );
    if (fields.length === 0) continue;
    const id = basename(before, ".yaml");
    for (const { file, data } of claims) {
      if (data["claimant"] !== id && data["propositionBy"] !== id) continue;
      const old = frontmatterOf(textAtBaseIfAny(cwd, base, file) ?? "");
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
