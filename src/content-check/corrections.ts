/**
 * Corrections are enforced, not remembered: when a change alters a claim's
 * reporting or verdict rating, its bottom line or its one-line answer, or
 * what the ratings apply to (the title, the claim quoted, the proposition,
 * the claimant), or withdraws it or publishes it again, the same change must
 * add a dated entry at the end of the claim's corrections list, dated no
 * earlier than the page's last update. A published check never goes back to
 * a draft: its address would stop answering.
 */
import { parseFrontmatter } from "@astrojs/internal-helpers/frontmatter";
import { load as loadYaml } from "js-yaml";
import type { Problem } from "./problem.ts";

/**
 * What the ratings apply to: counted as changed when they appear or go, not
 * only when they differ (a proposition added is a new thing rated).
 */
const RATED_FIELDS = [
  "title",
  "claim",
  "proposition",
  "propositionBy",
  "claimant",
  // Where the claim stands in the story (its number and "Headline" or
  // "Paragraph 4") and where it first appeared are facts the page states.
  "appearance",
  "firstAppearance",
] as const;
/** The fields whose change readers must be told about. */
export const WATCHED_FIELDS = [
  "reporting",
  "verdict",
  "bottomLine",
  "answer",
  ...RATED_FIELDS,
] as const;
/** What withdrawing a check, or publishing it again, changes: all else stays as it was. */
const WITHDRAWAL_FIELDS: readonly string[] = [
  "withdrawn",
  "draft",
  "corrections",
  "updated",
  "evidenceAsOf",
];
/** Fields of prose, named without their old and new text (which can run to a paragraph). */
const PROSE_FIELDS: readonly string[] = ["bottomLine", "answer", "title", "claim", "proposition"];

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

/**
 * A YAML content file's fields as js-yaml reads them, or undefined if it
 * does not parse or is no plain tree (the content check reports that).
 */
export function yamlDataOf(text: string | undefined): Data | undefined {
  try {
    const data: unknown = text === undefined ? undefined : loadYaml(text);
    return data && typeof data === "object" && isPlainTree(data) ? (data as Data) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a claim's page shows its check to readers: neither a draft nor withdrawn. */
export const isPublishedCheck = (data: unknown): boolean =>
  (data as Data | null)?.["draft"] !== true && (data as Data | null)?.["withdrawn"] !== true;

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

const shown = (value: unknown) =>
  typeof value === "string"
    ? `"${value}"`
    : value !== null && typeof value === "object" && !(value instanceof Date)
      ? JSON.stringify(value)
      : String(value);

/** A YAML date (or its text) as YYYY-MM-DD, or undefined if it is no real calendar day. */
export function calendarDay(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // Only real calendar days are compared; the schema reports the others.
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
}

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
  // New entries go after the earlier ones, dated no earlier than the page's
  // last update: one slipped in above them, or backdated, would pass a new
  // change off as part of an old revision.
  const list = corrections(after);
  const kept = new Set(earlier);
  const firstNew = list.findIndex((entry) => !kept.has(entry));
  if (
    lost.length === 0 &&
    firstNew !== -1 &&
    list.slice(firstNew).some((entry) => kept.has(entry))
  ) {
    problems.push({
      file,
      field: "corrections",
      message:
        "a new corrections entry was put above earlier ones; the log reads oldest first, so move it to the end of the list",
    });
  }
  const lastUpdate = calendarDay(before["updated"]);
  const entries = Array.isArray(after["corrections"]) ? (after["corrections"] as unknown[]) : [];
  for (const [index, entry] of entries.entries()) {
    if (kept.has(list[index] ?? "")) continue;
    const date = calendarDay((entry as Data | null)?.["date"]);
    if (date && lastUpdate && date < lastUpdate) {
      problems.push({
        file,
        field: "corrections",
        message: `a new corrections entry is dated ${date}, before the page's last update (${lastUpdate}); date it the day the change is made (today is ${today})`,
      });
    }
  }
  const changed: string[] = WATCHED_FIELDS.filter(
    (field) =>
      // A field the base branch did not have yet (answer, when it was added) is
      // new, not changed; but a proposition added is a new thing rated.
      (before[field] !== undefined || (RATED_FIELDS as readonly string[]).includes(field)) &&
      JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  // A draft is not on the site at all: readers who kept or shared the page's
  // address would find nothing there, not even why. Withdrawing keeps the
  // address, with the reason.
  if (before["draft"] !== true && after["draft"] === true) {
    problems.push({
      file,
      field: "draft",
      message:
        "a published check cannot go back to a draft: its address would stop answering readers who kept or shared it. To take it down, set withdrawn: true instead (keep draft: false) and add a corrections entry with date: " +
        `${today}, kind: withdrawal and text: why; the page then shows that notice in place of the check`,
    });
  }
  // The day a check first appeared is a fact readers and search engines
  // rely on (structured data's datePublished): once published, it stays.
  const firstPublished = calendarDay(before["published"]);
  if (
    before["draft"] !== true &&
    firstPublished &&
    calendarDay(after["published"]) !== firstPublished
  ) {
    problems.push({
      file,
      field: "published",
      message: `is the day the check first appeared (${firstPublished}), which cannot change once it is published; set it back, and record a change to the page in corrections and updated`,
    });
  }
  // Only a check readers have seen can be withdrawn: a draft that goes
  // straight to withdrawn would be the notice of a withdrawal that never was.
  if (before["draft"] === true && after["withdrawn"] === true) {
    problems.push({
      file,
      field: "withdrawn",
      message:
        "a draft cannot be withdrawn: it was never published. Remove withdrawn: true and its withdrawal entry, and keep it a draft (or delete it)",
    });
  }
  // Taking a check down, or putting it back, changes what readers are told:
  // that too is recorded.
  const withdrawing = before["withdrawn"] !== true && after["withdrawn"] === true;
  const republishing = before["withdrawn"] === true && after["withdrawn"] !== true;
  // A withdrawn page shows no ratings, and the entry that takes a check down
  // or puts it back speaks of that: anything else changed then (a rating, an
  // In brief point) would reach readers with no entry that says so. So a
  // withdrawn check stays as it was, but for the fields of its withdrawal.
  const frozen =
    before["withdrawn"] === true || after["withdrawn"] === true
      ? [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
          (field) =>
            !WITHDRAWAL_FIELDS.includes(field) &&
            JSON.stringify(before[field]) !== JSON.stringify(after[field]),
        )
      : [];
  if (frozen.length > 0) {
    const fields = frozen.join(", ").replace(/, ([^,]*)$/, " and $1");
    problems.push({
      file,
      message: `${fields} cannot change while the check is withdrawn, or in the change that withdraws it or publishes it again: readers of the notice would never be told. Leave ${frozen.length === 1 ? "it" : "them"} as on the base branch; publish the check again unchanged first, then correct it in a change of its own, with its own entry`,
    });
    return problems;
  }
  if (changed.length === 0 && !withdrawing && !republishing) return problems;
  // An edited earlier entry looks new; only entries beyond those count.
  const added = [...now].filter((entry) => !kept.has(entry)).length - lost.length;
  if (added > 0) return problems;
  const what = [
    ...(withdrawing ? ["the check was withdrawn"] : []),
    ...(republishing ? ["the check was published again (withdrawn removed)"] : []),
    ...changed.map((field) =>
      !Object.hasOwn(before, field) && !Object.hasOwn(after, field)
        ? field
        : PROSE_FIELDS.includes(field)
          ? `${field} changed`
          : `${field} changed from ${shown(before[field])} to ${shown(after[field])}`,
    ),
  ].join(" and ");
  const kind = withdrawing
    ? "kind: withdrawal"
    : "kind: update (or correction, if we got something wrong)";
  return [
    ...problems,
    {
      file,
      field: "corrections",
      message: `${what}, but no corrections entry was added; readers must be told. Add an entry under corrections with date: ${today}, ${kind} and text: what changed and why; revise the reasoning in the text to match; and set updated: ${today}`,
    },
  ];
}
