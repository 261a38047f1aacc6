/**
 * What readers will see change, for the reviewer of an editorial pull request:
 * claims added, removed or changed, each rating change with its labels, the
 * bottom line before and after, sources, corrections, and a warning for a
 * rating change that readers are not told about. Pure: it is given the texts
 * of the changed files and returns Markdown.
 */
import { parseFrontmatter } from "@astrojs/internal-helpers/frontmatter";
import {
  WATCHED_FIELDS,
  checkCorrection,
  isPlainTree,
  yamlDataOf,
} from "../../src/content-check/corrections.ts";
import {
  RATING_DIMENSIONS,
  RATING_DIMENSION_ORDER,
  RATING_KEYS,
  dimensionLead,
  getRating,
  type RatingDimension,
  type RatingKey,
} from "../../src/schemas/ratings.ts";
import { folded, type ChangeStatus } from "./changes.ts";

/** One changed content file, with its text before (at the base) and after (now). */
export interface ChangedFile {
  readonly status: ChangeStatus;
  /** The path now, or before for a deleted file. */
  readonly path: string;
  readonly before?: string | undefined;
  readonly after?: string | undefined;
}

type Data = Record<string, unknown>;

/** A content file's fields and (for MDX) text, or undefined when it does not parse. */
function read(path: string, text: string | undefined): { data: Data; body: string } | undefined {
  if (text === undefined) return undefined;
  try {
    // A file whose YAML is not a plain tree (aliases) is not shown: written
    // out, it could fill the job summary; the content check refuses it.
    if (path.endsWith(".mdx")) {
      const { frontmatter, content } = parseFrontmatter(text);
      return isPlainTree(frontmatter)
        ? { data: frontmatter as Data, body: content.trim() }
        : undefined;
    }
    const data = yamlDataOf(text);
    return data ? { data, body: "" } : undefined;
  } catch {
    return undefined;
  }
}

/** The most characters of one value a review shows. */
const MOST_SHOWN = 600;
/** Unchanged characters shown on each side of a change in a long value. */
const CONTEXT = 80;

/** A value as one line of text, unescaped. */
const flat = (value: unknown): string =>
  (typeof value === "string" ? value : JSON.stringify(value ?? "")).replace(/\s+/g, " ").trim();

/**
 * Content is untrusted: a title could carry Markdown or HTML that would render
 * in the pull request's summary (an image that phones home, a fake link).
 */
const escape = (text: string): string => text.replace(/[\\`*_{}[\]()<>#+!|~]/g, "\\$&");

/** Text cut to what a summary shows, saying how much is left out. */
function cutEnd(text: string): string {
  if (text.length <= MOST_SHOWN) return text;
  return `${text.slice(0, MOST_SHOWN)}… (${(text.length - MOST_SHOWN).toLocaleString("en")} more characters not shown)`;
}

/**
 * Everything from content is shown as plain text on one line, and cut: a
 * summary has a size limit.
 */
export function plain(value: unknown): string {
  return escape(cutEnd(flat(value)));
}

/**
 * One corrections entry, whole: readers see all of it (up to the schema's
 * 1,000 characters), and a reviewer shown only its opening could pass what
 * its end says.
 */
function entryLine(entry: unknown, which: "new " | ""): string {
  const { date, kind, text } = (entry ?? {}) as Data;
  const day = date instanceof Date ? date.toISOString().slice(0, 10) : plain(date);
  return `  - **Corrections log, ${which}${plain(kind)}** (${day}): ${escape(flat(text))}`;
}

/**
 * A value before and after an edit, as shown. When either is too long to show
 * whole, both are cut to the part that changed (from the first character that
 * differs to the last) with some unchanged text around it: cut at the end, an
 * edit deep in a long paragraph would show as two identical openings, and a
 * reviewer would pass a change they were never shown.
 */
export function beforeAfter(before: unknown, after: unknown): [string, string] {
  const old = flat(before);
  const now = flat(after);
  if (old.length <= MOST_SHOWN && now.length <= MOST_SHOWN) return [escape(old), escape(now)];
  const shortest = Math.min(old.length, now.length);
  let head = 0;
  while (head < shortest && old[head] === now[head]) head++;
  let tail = 0;
  while (tail < shortest - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) {
    tail++;
  }
  // Whole words of context where it can: from a space before the change, to a space after it.
  const space = old.indexOf(" ", head - CONTEXT);
  const from = head <= CONTEXT ? 0 : space >= 0 && space < head ? space + 1 : head - CONTEXT;
  const window = (text: string): string => {
    const changeEnd = text.length - tail;
    const nextSpace = text.lastIndexOf(" ", changeEnd + CONTEXT);
    const to =
      tail <= CONTEXT ? text.length : nextSpace > changeEnd ? nextSpace : changeEnd + CONTEXT;
    const part = text.slice(from, to);
    return `${from > 0 ? "…" : ""}${cutEnd(part)}${to < text.length && part.length <= MOST_SHOWN ? "…" : ""}`;
  };
  return [escape(window(old)), escape(window(now))];
}

const isRating = (value: unknown): value is RatingKey =>
  typeof value === "string" && (RATING_KEYS as readonly string[]).includes(value);

const ratingLabel = (value: unknown) =>
  isRating(value) ? getRating(value).label : `“${plain(value)}” (not a rating)`;

/** The site's order: "Is it true?" first, as on every page and card. */
const DIMENSIONS = RATING_DIMENSION_ORDER;

const ratings = (data: Data) =>
  DIMENSIONS.map((dimension) => `${dimensionLead(dimension)} ${ratingLabel(data[dimension])}`).join(
    " · ",
  );

const title = (data: Data | undefined, path: string) =>
  `**${plain(data?.["title"] ?? path)}** (\`${path.replace(/[`\r\n]/g, "")}\`)`;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Entries of `after` not in `before`, compared by their whole content. */
const addedEntries = (before: unknown, after: unknown) => {
  const old = new Set(listOf(before).map((entry) => JSON.stringify(entry)));
  return listOf(after).filter((entry) => !old.has(JSON.stringify(entry)));
};

/** Paragraphs shown before and after, per claim; the rest are counted. */
const MAX_PARAGRAPHS = 10;

/** Each citation whose passage changed, by id: the reviewer checks the new words against the source. */
function passageChanges(before: unknown, after: unknown): string[] {
  const old = new Map(listOf(before).map((entry) => [(entry as Data)?.["id"], entry as Data]));
  return listOf(after).flatMap((entry) => {
    const { id, passage, source } = (entry ?? {}) as Data;
    const was = old.get(id);
    if (was === undefined) {
      return [`  - **New citation** \`${plain(id)}\` of \`${plain(source)}\`: “${plain(passage)}”`];
    }
    const lines: string[] = [];
    if (!same(was["source"], source)) {
      lines.push(
        `  - **Citation** \`${plain(id)}\` now cites \`${plain(source)}\` (was \`${plain(was["source"])}\`): check the passage is in the new source`,
      );
    }
    if (same(was["passage"], passage)) return lines;
    const [shownBefore, shownAfter] = beforeAfter(was["passage"], passage);
    return [
      ...lines,
      `  - **Passage of citation** \`${plain(id)}\` (check it against the source)`,
      `    - Before: “${shownBefore}”`,
      `    - After: “${shownAfter}”`,
    ];
  });
}

/** Paragraphs of the text that differ, paired in order (a simple diff: enough to review prose). */
function changedParagraphs(before: string, after: string): { old?: string; now?: string }[] {
  const split = (text: string) =>
    text
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean);
  const old = split(before);
  const now = split(after);
  const kept = new Set(old.filter((paragraph) => now.includes(paragraph)));
  const gone = old.filter((paragraph) => !kept.has(paragraph));
  const added = now.filter((paragraph) => !kept.has(paragraph));
  return Array.from({ length: Math.max(gone.length, added.length) }, (_, index) => ({
    ...(gone[index] === undefined ? {} : { old: gone[index] }),
    ...(added[index] === undefined ? {} : { now: added[index] }),
  }));
}

/**
 * A source deleted and added again under another file name with the same
 * title is one source moved: shown as changed, so a new address is shown and
 * warned about rather than hidden as "one removed, one added".
 */
function pairRenamedSources(sources: readonly ChangedFile[]): ChangedFile[] {
  const titleOf = (text: string | undefined, path: string) =>
    folded(read(path, text)?.data["title"]);
  const deleted = sources.filter((file) => file.status === "deleted");
  const paired = new Set<ChangedFile>();
  const result = sources.map((file): ChangedFile => {
    if (file.status !== "added") return file;
    const title = titleOf(file.after, file.path);
    const old = deleted.find(
      (gone) =>
        !paired.has(gone) && title !== undefined && titleOf(gone.before, gone.path) === title,
    );
    if (!old) return file;
    paired.add(old);
    return { status: "renamed", path: file.path, before: old.before, after: file.after };
  });
  return result.filter((file) => !paired.has(file));
}

/** Changed paragraphs, counted, the first few before and after. */
function paragraphLines(paragraphs: { old?: string; now?: string }[]): string[] {
  if (paragraphs.length === 0) return [];
  const unshown = paragraphs.length - MAX_PARAGRAPHS;
  return [
    `  - **Text**: ${paragraphs.length} paragraph(s) changed${unshown > 0 ? `; the first ${MAX_PARAGRAPHS} are shown, so read the other ${unshown} in the file diff` : ""}`,
    ...paragraphs.slice(0, MAX_PARAGRAPHS).flatMap(({ old, now }) => {
      const [shownBefore, shownAfter] = beforeAfter(old ?? "", now ?? "");
      return [
        `    - Before: ${old ? shownBefore : "(new paragraph)"}`,
        `    - After: ${now ? shownAfter : "(removed)"}`,
      ];
    }),
  ];
}

/** The watched fields besides the ratings (src/content-check/corrections.ts), shown before and after. */
const TEXT_FIELDS = {
  title: "Title",
  claim: "Claim quoted",
  proposition: "Proposition rated",
  propositionBy: "Proposition by",
  claimant: "Claimant",
  answer: "Answer",
  bottomLine: "Bottom line",
  appearance: "Where in the story",
  firstAppearance: "First appeared in",
  // Each watched field but the ratings (shown as ratings) must be here, or the
  // review would hide its change: the type says so.
} as const satisfies Record<Exclude<(typeof WATCHED_FIELDS)[number], RatingDimension>, string>;

interface ClaimReview {
  readonly lines: string[];
  readonly warnings: string[];
}

function changedClaim(file: ChangedFile): ClaimReview {
  const before = read(file.path, file.before);
  const after = read(file.path, file.after);
  if (!before || !after) {
    return {
      lines: [
        `- ${title(after?.data ?? before?.data, file.path)}: does not parse; npm run check:content says why`,
      ],
      warnings: [],
    };
  }
  const lines = [`- ${title(after.data, file.path)}`];
  if (before.data["draft"] === true && after.data["draft"] !== true) {
    lines.push("  - **Published**: it was a draft, and readers will now see it");
  } else if (before.data["draft"] !== true && after.data["draft"] === true) {
    lines.push(
      "  - **Put back to a draft**: its address will stop answering (the check refuses this)",
    );
  }
  if (before.data["withdrawn"] !== true && after.data["withdrawn"] === true) {
    lines.push(
      "  - **Withdrawn**: its address will show only why, from the last corrections entry, and the record of changes; its ratings leave the site",
    );
  } else if (before.data["withdrawn"] === true && after.data["withdrawn"] !== true) {
    lines.push(
      "  - **Published again**: it was withdrawn, and readers will see the check once more",
    );
  }
  const ratingChanges = DIMENSIONS.filter(
    (dimension) => !same(before.data[dimension], after.data[dimension]),
  );
  for (const dimension of ratingChanges) {
    lines.push(
      `  - **${dimensionLead(dimension)}** ${ratingLabel(before.data[dimension])} → ${ratingLabel(after.data[dimension])}`,
    );
  }
  const textChanges = (Object.keys(TEXT_FIELDS) as (keyof typeof TEXT_FIELDS)[]).filter(
    (field) => !same(before.data[field], after.data[field]),
  );
  for (const field of textChanges) {
    const [shownBefore, shownAfter] = beforeAfter(before.data[field], after.data[field]);
    lines.push(
      `  - **${TEXT_FIELDS[field]}**`,
      `    - Before: ${shownBefore}`,
      `    - After: ${shownAfter}`,
    );
  }
  const corrections = addedEntries(before.data["corrections"], after.data["corrections"]);
  // A rating changed under an entry that says none did tells readers the opposite.
  const saysUnchanged = corrections.some((entry) =>
    /\b(?:ratings?|verdict|reporting) (?:is|are|was|were|stays?|remains?|stands?) (?:unchanged|as (?:they|it) (?:were|was)|as before|the same)|\b(?:ratings?|verdict) stands?\b|\bno rating changed|\b(?:ratings?|verdict|reporting) (?:is|are) not changed/i.test(
      String((entry as Data | null)?.["text"] ?? ""),
    ),
  );
  // An entry about something else can stand in for the rating change's own
  // (one new entry satisfies the rule): ask whether any names the change.
  const namesRatingChange = corrections.some((entry) =>
    /\b(?:rat(?:e|ed|es|ing|ings)|verdict|reporting)\b/i.test(
      String((entry as Data | null)?.["text"] ?? ""),
    ),
  );
  lines.push(...corrections.map((entry) => entryLine(entry, "new ")));
  const briefChanged = !same(before.data["inBrief"], after.data["inBrief"]);
  if (briefChanged) {
    const points = (value: unknown) => listOf(value).map(String).join(" • ");
    const [shownBefore, shownAfter] = beforeAfter(
      points(before.data["inBrief"]),
      points(after.data["inBrief"]),
    );
    lines.push("  - **In brief**", `    - Before: ${shownBefore}`, `    - After: ${shownAfter}`);
  }
  const shown = new Set<string>([
    "draft",
    "withdrawn",
    "corrections",
    "inBrief",
    ...WATCHED_FIELDS,
  ]);
  const others = changedFields(before.data, after.data)
    .filter((field) => !shown.has(field))
    .flatMap((field) => {
      // Field names come from the file too: shown as plain text like any value.
      if (field !== "citations") return [plain(field)];
      // Passages are listed one by one below; say only what else changed.
      const was = listOf(before.data[field]).length;
      const is = listOf(after.data[field]).length;
      return was === is ? [] : [`citations (${was} → ${is})`];
    });
  lines.push(...passageChanges(before.data["citations"], after.data["citations"]));
  const paragraphs = changedParagraphs(before.body, after.body);
  lines.push(...paragraphLines(paragraphs));
  if (others.length) lines.push(`  - Also changed: ${others.join(", ")}`);
  // Our corrections policy promises a note for "a fact on the page", which no
  // rule can tell from a rewording: the reviewer is asked to judge.
  if (
    (paragraphs.length > 0 || briefChanged) &&
    corrections.length === 0 &&
    before.data["draft"] !== true
  ) {
    lines.push(
      "  - No corrections entry: if this changes a fact readers saw, not just its wording, add one (our corrections policy promises a note for any fact on the page)",
    );
  }
  if (lines.length === 1) lines.push("  - Only formatting changed");
  const untold = [
    ...ratingChanges.map((dimension) => `its “${RATING_DIMENSIONS[dimension].label}” rating`),
    ...textChanges.map((field) => `its ${TEXT_FIELDS[field].toLowerCase()}`),
  ];
  // The same rule as the corrections check, so the review warns exactly when CI fails.
  const today = new Date().toISOString().slice(0, 10);
  const problems = checkCorrection(file.path, before.data, after.data, today);
  const warnings = [
    ...(ratingChanges.length > 0 && saysUnchanged
      ? [
          `${title(after.data, file.path)} changes a rating, but its new corrections entry says the ratings are unchanged; the entry must say what changed.`,
        ]
      : []),
    ...(ratingChanges.length > 0 && !saysUnchanged && corrections.length > 0 && !namesRatingChange
      ? [
          `${title(after.data, file.path)} changes a rating, but no new corrections entry mentions a rating; make sure an entry tells readers what the rating was and why it changed.`,
        ]
      : []),
    ...(problems.some((problem) => problem.message.startsWith("an earlier corrections entry"))
      ? [
          `${title(after.data, file.path)} edits or removes an earlier corrections entry; the log only grows, so readers' record of past changes would be rewritten.`,
        ]
      : []),
    ...(untold.length > 0 &&
    problems.some((problem) => problem.message.includes("no corrections entry"))
      ? [
          `${title(after.data, file.path)} changes ${untold.join(" and ")} without a corrections entry, so readers would not be told; add one (npm run check:content says how).`,
        ]
      : []),
  ];
  return { lines, warnings };
}

const folderOf = (path: string) => path.split("/")[1] ?? "";

/**
 * A page, snippet, event, claimant or the story: what changed in it, field by
 * field and paragraph by paragraph. The home page's headline or the sentence
 * on every claim page saying how it was reviewed is as much what readers see
 * as a claim's rating.
 */
function otherLines(file: ChangedFile): string {
  const head = `- \`${file.path.replace(/`/g, "")}\`: ${file.status}`;
  if (file.status === "deleted") return head;
  // An added file is compared with nothing: every field and paragraph is new.
  const before = file.status === "added" ? { data: {}, body: "" } : read(file.path, file.before);
  const after = read(file.path, file.after);
  if (!before || !after) return `${head} (does not parse; npm run check:content says why)`;
  const lines = [
    head,
    ...changedFields(before.data, after.data).map((field) =>
      fieldLine(field, before.data, after.data),
    ),
  ];
  lines.push(...paragraphLines(changedParagraphs(before.body, after.body)));
  return lines.join("\n");
}

/** The fields that differ between two versions of a file, in the order they first appear. */
const changedFields = (old: Data, now: Data): string[] =>
  [...new Set([...Object.keys(old), ...Object.keys(now)])].filter(
    (field) => !same(old[field], now[field]),
  );

/** One changed field, named, with its value before and after. */
function fieldLine(field: string, old: Data, now: Data): string {
  const [shownBefore, shownAfter] = beforeAfter(show(old[field]), show(now[field]));
  return `  - \`${plain(field)}\`: ${shownBefore} → ${shownAfter}`;
}

/** A field's value in a line: dates as days, text as it is, the rest as JSON. */
const show = (value: unknown) =>
  value instanceof Date
    ? value.toISOString().slice(0, 10)
    : typeof value === "string"
      ? value
      : value === undefined
        ? "(none)"
        : JSON.stringify(value);

/** The review as Markdown, headed by what was compared. */
export function reviewMarkdown(files: readonly ChangedFile[], comparedWith: string): string {
  const out = ["## What readers will see change", "", `${comparedWith}.`, ""];
  if (files.length === 0) {
    out.push("No content changed: readers will see nothing new.");
    return `${out.join("\n")}\n`;
  }
  const warnings: string[] = [];
  const claims = files.filter((file) => folderOf(file.path) === "claims");
  const section = (heading: string, lines: string[]) => {
    if (lines.length) out.push(`### ${heading}`, "", ...lines, "");
  };

  const addedClaims = claims
    .filter((file) => file.status === "added")
    .map((file) => {
      const added = read(file.path, file.after);
      if (!added)
        return `- ${title(undefined, file.path)}: does not parse; npm run check:content says why`;
      const { data, body } = added;
      const state =
        data["draft"] === true
          ? " *(a draft: not published yet)*"
          : data["withdrawn"] === true
            ? " *(**withdrawn**: readers would see only the notice; the check refuses a new claim that starts withdrawn)*"
            : "";
      return [
        `- ${title(data, file.path)}${state}: ${ratings(data)}`,
        `  - Answer: ${plain(data["answer"])}`,
        `  - Bottom line: ${plain(data["bottomLine"])}`,
        // Entries a new page starts with are shown as well: copied from an
        // old page, they could tell readers of a history this page never had.
        ...listOf(data["corrections"]).map((entry) => entryLine(entry, "")),
        ...paragraphLines(changedParagraphs("", body)),
      ].join("\n");
    });
  const changedClaims = claims
    .filter((file) => file.status === "modified" || file.status === "renamed")
    .map((file) => {
      const review = changedClaim(file);
      warnings.push(...review.warnings);
      return review.lines.join("\n");
    });
  const removedClaims = claims
    .filter((file) => file.status === "deleted")
    .map((file) => `- ${title(read(file.path, file.before)?.data, file.path)}`);

  const sources = pairRenamedSources(files.filter((file) => folderOf(file.path) === "sources"));
  const sourceLine = (file: ChangedFile) => {
    const data = read(file.path, file.after ?? file.before)?.data;
    const publisher = data?.["publisher"] ? `, ${plain(data["publisher"])}` : "";
    const line = `- ${title(data, file.path)}${publisher}`;
    if (file.status !== "modified" && file.status !== "renamed") return line;
    const old = read(file.path, file.before)?.data ?? {};
    const now = read(file.path, file.after)?.data ?? {};
    const fields = changedFields(old, now);
    // Where a citation's link leads is the evidence itself: a changed address
    // is worth a reviewer opening, whatever the rest of the change.
    const moved = ["url", "publisherDomain", "copy", "archiveUrl"].filter((field) =>
      fields.includes(field),
    );
    if (moved.length > 0) {
      warnings.push(
        `${title(now, file.path)}: ${moved.map((field) => `\`${field}\``).join(", ")} changed; open the new address and check it is ${plain(now["publisher"] ?? "the publisher")}'s own page (or the copy it says it is) before merging.`,
      );
    }
    for (const field of ["url", "copy", "archiveUrl"]) {
      const was = JSON.stringify(old[field] ?? "");
      const is = JSON.stringify(now[field] ?? "");
      if (was.includes("https://") && !is.includes("https://") && is.includes("http://")) {
        warnings.push(
          `${title(now, file.path)}: \`${field}\` went from https:// to http://; use the secure address wherever the publisher serves it.`,
        );
      }
    }
    return [line, ...fields.map((field) => fieldLine(field, old, now))].join("\n");
  };
  const others = files.filter((file) => !["claims", "sources"].includes(folderOf(file.path)));

  // Every section is worked out before the warnings are written above them.
  const addedSources = sources.filter((f) => f.status === "added").map(sourceLine);
  const changedSources = sources
    .filter((f) => f.status === "modified" || f.status === "renamed")
    .map(sourceLine);
  const removedSources = sources.filter((f) => f.status === "deleted").map(sourceLine);
  if (warnings.length) {
    out.push("> [!WARNING]", ...warnings.map((warning) => `> ${warning}`), "");
  }
  // Changes to published checks first: a long list of added drafts must not
  // push a rating change past where the review is cut.
  section("Claims changed", changedClaims);
  section("Claims added", addedClaims);
  section("Claims removed", removedClaims);
  section("Sources added", addedSources);
  section("Sources changed", changedSources);
  section("Sources removed", removedSources);
  section("Other content", others.map(otherLines));
  return `${out.join("\n").trimEnd()}\n`;
}
