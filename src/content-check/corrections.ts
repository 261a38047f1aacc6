/**
 * Corrections are enforced, not remembered: when a change alters a claim's
 * reporting or verdict rating, its bottom line or its one-line answer, the
 * same change must add a dated entry to the claim's corrections list.
 */
import { parseFrontmatter } from "@astrojs/internal-helpers/frontmatter";
import type { Problem } from "./problem.ts";

/** The fields whose change readers must be told about. */
export const WATCHED_FIELDS = ["reporting", "verdict", "bottomLine", "answer"] as const;
/** Fields of prose, named without their old and new text (which can run to a paragraph). */
const PROSE_FIELDS: readonly string[] = ["bottomLine", "answer"];

type Data = Record<string, unknown>;

/**
 * The frontmatter of an MDX file as Astro reads it, or undefined if it has
 * none or it does not parse (the content check reports that).
 */
export function frontmatterOf(source: string): Data | undefined {
  try {
    const { frontmatter, rawFrontmatter } = parseFrontmatter(source);
    return rawFrontmatter === "" || !isPlainTree(frontmatter) ? undefined : (frontmatter as Data);
  } catch {
    return undefined;
  }
}

/** More values than any content file holds: a tree past it is refused unread. */
const MOST_VALUES = 20_000;

/**
 * Whether parsed YAML is a plain tree: no list or map reached twice, as YAML
 * aliases (*name) make them, and not past MOST_VALUES in all. A 450-byte file
 * of nested aliases stands for billions of values once written out (compared,
 * or shown in a review), which crashed the corrections rule and the review
 * before the content check could refuse it (it does: anchors and aliases are
 * not allowed). Callers treat such a file as unreadable.
 */
export function isPlainTree(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  let count = 0;
  while (stack.length > 0) {
    const next = stack.pop();
    if (++count > MOST_VALUES) return false;
    if (next === null || typeof next !== "object" || next instanceof Date) continue;
    if (seen.has(next)) return false;
    seen.add(next);
    stack.push(...Object.values(next));
  }
  return true;
}

const corrections = (data: Data): string[] =>
  (Array.isArray(data["corrections"]) ? data["corrections"] : []).map((entry) =>
    JSON.stringify(entry),
  );

const shown = (value: unknown) => (typeof value === "string" ? `"${value}"` : String(value));

/** Problems with one claim's change from `before` (the base branch) to `after`. */
export function checkCorrection(file: string, before: Data, after: Data, today: string): Problem[] {
  const problems: Problem[] = [];
  // The log only grows: an earlier entry edited or removed would let a change
  // pass as "recorded" (and rewrite what readers were told before).
  const now = new Set(corrections(after));
  const earlier = corrections(before);
  const lost = earlier.filter((entry) => !now.has(entry));
  if (lost.length > 0) {
    problems.push({
      file,
      field: "corrections",
      message:
        "an earlier corrections entry was changed or removed; the log only grows, so restore the earlier entries exactly as they were and add a new entry for this change",
    });
  }
  const changed = WATCHED_FIELDS.filter(
    (field) =>
      // A field the base branch did not have yet (answer, when it was added) is new, not changed.
      before[field] !== undefined && JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  if (changed.length === 0) return problems;
  const kept = new Set(earlier);
  // An edited earlier entry looks new; only entries beyond those count.
  const added = [...now].filter((entry) => !kept.has(entry)).length - lost.length;
  if (added > 0) return problems;
  const what = changed
    .map((field) =>
      PROSE_FIELDS.includes(field)
        ? `${field} changed`
        : `${field} changed from ${shown(before[field])} to ${shown(after[field])}`,
    )
    .join(" and ");
  return [
    ...problems,
    {
      file,
      field: "corrections",
      message: `${what}, but no corrections entry was added; readers must be told. Add an entry under corrections with date: ${today}, kind: update (or correction, if we got something wrong) and text: what changed and why; revise the reasoning in the text to match; and set updated: ${today}`,
    },
  ];
}
