/**
 * What a schema cannot see: references that must resolve, citations that must
 * be both defined and used, date order, and ids or addresses recorded twice.
 * Astro's `reference()` only logs a missing entry; these checks fail the build.
 */
import type { ContentFile } from "./load.ts";
import { PLACEHOLDER, isOnDomain } from "../schemas/fields.ts";
import { COLLECTIONS } from "../schemas/collections.ts";
import { RATING_DIMENSIONS, RATING_KEYS, getRating, type RatingKey } from "../schemas/ratings.ts";
import { RATINGS_SECTION, scanMdx, type MdxScan } from "./mdx-safety.ts";
import {
  mixedScriptWord,
  namesOtherSite,
  opensLikeAnswer,
  typedRatingWords,
  typesRating,
  statesRating,
} from "./allow-list.ts";
import { MOST_UNLIKE, claimKey, closest, unlikeness } from "./suggest.ts";
import { shorten } from "../lib/shorten.ts";
import { calendarDay, isPublishedCheck } from "./corrections.ts";
import { fieldName, type Problem } from "./problem.ts";

interface Citation {
  id?: unknown;
  source?: unknown;
}

interface Correction {
  date?: unknown;
  kind?: unknown;
}

type Data = Record<string, unknown>;

/** Reports a problem at a field of a file, pointing at the field's line. */
function reportAt(
  problems: Problem[],
  file: ContentFile,
  path: readonly PropertyKey[],
  message: string,
): void {
  problems.push({ file: file.file, line: file.lineOf(path), field: fieldName(path), message });
}

/** Said of a word that mixes alphabets (see mixedScriptWord). */
const mixedScriptMessage = (word: string) =>
  `"${word}" mixes Latin letters with look-alikes from another alphabet (Cyrillic, Greek, Armenian...) or phonetic small capitals; retype it in plain Latin letters`;

const isWithdrawn = (data: unknown): boolean => (data as Data | null)?.["withdrawn"] === true;

/** The entries the site's own routes render by name; each must exist. */
export const REQUIRED_ENTRIES = {
  pages: ["home", "about", "methodology", "corrections"],
  snippets: ["claim-process", "ratings-intro", "sources-intro", "claims-intro", "story-intro"],
  story: ["story"],
} as const;

/** The command that writes a new file of each collection an id can name. */
const SCAFFOLDERS: Record<string, string> = {
  claims: "new:claim",
  sources: "new:source",
  claimants: "new:claimant",
};

export function checkIntegrity(
  files: readonly ContentFile[],
  unreadable: readonly { collection: string; id: string }[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const ids = indexIds(files, problems);
  let guesses = 0;
  const exists = (collection: string, id: unknown) =>
    typeof id === "string" &&
    ((ids.get(collection)?.has(id) ?? false) ||
      unreadable.some((entry) => entry.collection === collection && entry.id === id));
  const missing = (
    file: ContentFile,
    path: PropertyKey[],
    collection: string,
    id: unknown,
  ): void => {
    if (typeof id !== "string" || exists(collection, id)) return;
    // The schema reports a placeholder id, with what to write instead.
    if (id.includes(PLACEHOLDER)) return;
    // Each guess measures the id against every file: guessed for the first
    // MOST_GUESSES only (thousands of made-up ids once took minutes).
    const guess = guesses++ < MOST_GUESSES ? closest(id, ids.get(collection) ?? []) : undefined;
    const extension = COLLECTIONS[collection as keyof typeof COLLECTIONS]?.extension ?? ".yaml";
    reportAt(
      problems,
      file,
      path,
      guess
        ? `"${id}" does not match any file in content/${collection}/; did you mean "${guess}"? Fix the spelling`
        : `"${id}" does not match any file in content/${collection}/; use the name of an existing file there (without the extension); if you deleted content/${collection}/${id}${extension}, restore it (git checkout -- content/${collection}/${id}${extension})${SCAFFOLDERS[collection] ? `, or add it with npm run ${SCAFFOLDERS[collection]} -- ${id}` : ""}`,
    );
  };

  for (const [collection, required] of Object.entries(REQUIRED_ENTRIES)) {
    for (const id of required) {
      if (exists(collection, id)) continue;
      problems.push({
        file: `content/${collection}/${id}${COLLECTIONS[collection as keyof typeof COLLECTIONS].extension}`,
        message: "is missing; the site shows it on its pages, so restore the file",
      });
    }
  }
  checkDuplicateUrls(files, problems);
  checkPlaceholders(files, problems);
  const claimOrders = new Map<number, string>();
  const claimTexts = new Map<string, string>();
  const claimFiles = files.filter((file) => file.collection === "claims");
  // A withdrawn check keeps its address, but only for the notice of its
  // withdrawal: like a draft, it is no page to send readers to.
  const withdrawnClaims = new Set(
    claimFiles.filter((file) => isWithdrawn(file.data)).map((file) => file.id),
  );
  const publishedClaims = new Set(
    claimFiles.filter((file) => isPublishedCheck(file.data)).map((file) => file.id),
  );
  /** Why a link to a claim that exists cannot be followed, if it cannot. */
  const unlinkable = (id: string): string | undefined =>
    withdrawnClaims.has(id)
      ? `"${id}" is withdrawn, so its page only says why; link the check that replaced it, or remove the link`
      : publishedClaims.has(id)
        ? undefined
        : `"${id}" is a draft, so readers could not follow the link; publish it first, or remove the link`;

  for (const file of files) {
    const data = (file.data ?? {}) as Data;
    const spec = COLLECTIONS[file.collection];
    const components = "components" in spec ? spec.components : undefined;
    const scan = components ? scanMdx(file.body, components) : undefined;
    for (const finding of scan?.findings ?? []) {
      problems.push({
        file: file.file,
        line: finding.line === undefined ? undefined : file.bodyLine + finding.line - 1,
        message: finding.message,
      });
    }
    if (file.collection === "claims") {
      missing(file, ["claimant"], "claimants", data["claimant"]);
      missing(file, ["propositionBy"], "claimants", data["propositionBy"]);
      missing(file, ["firstAppearance"], "sources", data["firstAppearance"]);
      const seeAlso = (data["seeAlso"] as Data | undefined)?.["claim"];
      missing(file, ["seeAlso", "claim"], "claims", seeAlso);
      const seeAlsoProblem =
        seeAlso === file.id
          ? "names this claim itself; name another claim, or remove seeAlso"
          : typeof seeAlso === "string" && exists("claims", seeAlso) && data["draft"] !== true
            ? unlinkable(seeAlso)?.replace(/the link$/, "seeAlso")
            : undefined;
      if (seeAlsoProblem) {
        reportAt(problems, file, ["seeAlso", "claim"], seeAlsoProblem);
      }
      checkAnswer(file, data, problems);
      checkTypedRatings(file, data, problems);
      checkCitations(file, data, scan, problems, missing);
      checkClaimDates(file, data, problems);
      checkWithdrawal(file, data, problems);
      const order = (data["appearance"] as Data | undefined)?.["order"];
      if (typeof order === "number") {
        refuseRepeat(
          claimOrders,
          order,
          file,
          ["appearance", "order"],
          problems,
          (other) =>
            `${order} is also the position of ${other}; give each claim its own position in the story (one between two others can take a decimal, such as 6.5)`,
        );
      }
      // Two pages checking the same words of the story split its readers and
      // its ratings; a copied file is the usual cause. A draft may start as a
      // copy of a published claim; it is compared once it is published.
      // A withdrawn check still holds its words: checking them again means
      // publishing it again, with an entry, not a copy that starts afresh.
      const claim = data["claim"];
      if (typeof claim === "string" && data["draft"] !== true) {
        const key = claimKey(claim);
        refuseRepeat(claimTexts, key, file, ["claim"], problems, (other) =>
          withdrawnClaims.has(other.replace(/^content\/claims\/|\.mdx$/g, "")) || isWithdrawn(data)
            ? `quotes the same words of the story as ${other}, and one of the two is withdrawn; to check those words again, publish the withdrawn one again (remove withdrawn: true and add an entry of kind: update saying why) instead of starting a new page`
            : `quotes the same words of the story as ${other}; one claim needs one page, so merge the two, or quote the sentence each one checks`,
        );
      }
    }
    if (file.collection === "snippets") {
      for (const line of scan?.headings ?? []) {
        problems.push({
          file: file.file,
          line: line === undefined ? undefined : file.bodyLine + line - 1,
          message:
            "a snippet cannot have headings: it is shown inside pages that have their own; use a paragraph, or **bold** words",
        });
      }
    }
    if (
      file.collection === "claims" &&
      data["propositionBy"] !== undefined &&
      data["proposition"] === undefined
    ) {
      reportAt(
        problems,
        file,
        ["propositionBy"],
        "names who asserted a proposition, but there is no proposition; add proposition or remove propositionBy",
      );
    }
    if (file.collection === "claims" && data["draft"] !== true) {
      for (const { section, line } of scan?.uncited ?? []) {
        problems.push({
          file: file.file,
          line: line === undefined ? undefined : file.bodyLine + line - 1,
          message: `this ${section === "What came after" ? "item" : "paragraph"} in "${section}" quotes someone or gives a number or date but cites no source; end the sentence that states it with <Cite id="..." />`,
        });
      }
    }
    if (file.collection === "claims" && scan) checkRatingLabels(file, scan, problems);
    for (const { id, line } of scan?.claimLinks ?? []) {
      // A claim whose file does not parse is reported once, for that file.
      const unread = unreadable.some((entry) => entry.collection === "claims" && entry.id === id);
      if (publishedClaims.has(id) || unread) continue;
      const reason = exists("claims", id) ? unlinkable(id) : undefined;
      if (reason) {
        problems.push({
          file: file.file,
          line: line === undefined ? undefined : file.bodyLine + line - 1,
          message: `<ClaimLink id="${id}">: ${reason}`,
        });
        continue;
      }
      const guess = closest(id, publishedClaims);
      problems.push({
        file: file.file,
        line: line === undefined ? undefined : file.bodyLine + line - 1,
        message: guess
          ? `<ClaimLink id="${id}"> names no published claim; did you mean "${guess}"? Fix the spelling`
          : `<ClaimLink id="${id}"> names no published claim; use the file name of one in content/claims/ (without .mdx)`,
      });
    }
    if (file.collection === "sources") checkSourceAddresses(file, data, problems);
    if (file.collection === "story") {
      missing(file, ["addressConfirmedBy"], "sources", data["addressConfirmedBy"]);
    }
    if (file.collection === "timeline") {
      missing(file, ["source"], "sources", data["source"]);
      const claims = Array.isArray(data["claims"]) ? data["claims"] : [];
      claims.forEach((claim, index) => {
        missing(file, ["claims", index], "claims", claim);
        if (typeof claim === "string" && withdrawnClaims.has(claim)) {
          reportAt(
            problems,
            file,
            ["claims", index],
            `"${claim}" is withdrawn, so the timeline would leave it out without a word; remove it from claims`,
          );
        }
      });
    }
  }
  checkWithdrawnWords(claimFiles, withdrawnClaims, problems);
  return problems;
}

/** A claim's words as letters and digits only, so look-alikes and spacing do not count. */
const bareWords = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/**
 * A withdrawn check keeps its words: a new page on them, or on them with a
 * sentence added or a letter swapped for a look-alike, would re-rate the
 * check with none of its history. (Exact copies are reported in the loop.)
 */
function checkWithdrawnWords(
  claimFiles: readonly ContentFile[],
  withdrawn: ReadonlySet<string>,
  problems: Problem[],
): void {
  if (withdrawn.size === 0) return;
  const claims = claimFiles.flatMap((file) => {
    const data = (file.data ?? {}) as Data;
    const claim = data["claim"];
    const proposition = data["proposition"];
    return typeof claim === "string" && data["draft"] !== true
      ? [
          {
            file,
            raw: claimKey(claim),
            words: { claim: bareWords(claim), proposition: bareWords(String(proposition ?? "")) },
            published: calendarDay(data["published"]) ?? "",
            withdrawnOn:
              calendarDay(
                listOf<Correction>(data["corrections"]).findLast(
                  ({ kind }) => kind === "withdrawal",
                )?.date,
              ) ?? "",
          },
        ]
      : [];
  });
  const near = (a: string, b: string) =>
    a.length >= 20 &&
    b.length >= 20 &&
    (a.includes(b) || b.includes(a) || unlikeness(a, b) <= MOST_UNLIKE);
  for (const old of claims.filter(({ file }) => withdrawn.has(file.id))) {
    for (const now of claims) {
      // Exact copies of the words are reported where the claims are read.
      if (now === old || now.raw === old.raw) continue;
      if (withdrawn.has(now.file.id) && now.file.id < old.file.id) continue;
      // The same words, or the same proposition rated under other words by a
      // check published since (two checks may rate one proposition, as the
      // headline and the memo's assessment do; a withdrawal leaves the other).
      const field = near(now.words.claim, old.words.claim)
        ? "claim"
        : near(now.words.proposition, old.words.proposition) && now.published >= old.withdrawnOn
          ? "proposition"
          : undefined;
      if (!field) continue;
      reportAt(
        problems,
        now.file,
        [field],
        `${field === "claim" ? "quotes nearly the same words of the story" : "rates nearly the same proposition"} as ${old.file.file}, which is withdrawn; to check it again, publish the withdrawn one again (remove withdrawn: true and add an entry of kind: update saying why) instead of starting a new page`,
      );
    }
  }
}

function indexIds(files: readonly ContentFile[], problems: Problem[]): Map<string, Set<string>> {
  const ids = new Map<string, Map<string, string>>();
  for (const file of files) {
    const seen = ids.get(file.collection) ?? new Map<string, string>();
    ids.set(file.collection, seen);
    // Astro lower-cases ids, so files that differ only in case collide.
    const id = file.id.toLowerCase();
    const first = seen.get(id);
    if (first) {
      problems.push({
        file: file.file,
        message: `has the same id ("${id}") as ${first}; ids must be unique, so rename one of the two files`,
      });
    } else seen.set(id, file.file);
  }
  return new Map([...ids].map(([collection, seen]) => [collection, new Set(seen.keys())]));
}

function checkDuplicateUrls(files: readonly ContentFile[], problems: Problem[]): void {
  const byUrl = new Map<string, string>();
  for (const file of files) {
    if (file.collection !== "sources") continue;
    const url = (file.data as Data | null)?.["url"];
    if (typeof url !== "string") continue;
    refuseRepeat(
      byUrl,
      url.replace(/\/+$/, ""),
      file,
      ["url"],
      problems,
      (first) =>
        `is the same address as in ${first}; one page needs one source, so keep one of the two (the one claims already cite), make every citation use its id, and delete the other`,
    );
  }
}

/**
 * What must be unique across files (a claim's position, its quoted words, a
 * source's address): the first file to hold `key` keeps it, and each later
 * one is refused, naming the first.
 */
function refuseRepeat<K>(
  seen: Map<K, string>,
  key: K,
  file: ContentFile,
  path: string[],
  problems: Problem[],
  message: (first: string) => string,
): void {
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, file.file);
    return;
  }
  reportAt(problems, file, path, message(first));
}

/**
 * A reader clicks a publisher's name expecting the publisher's page: `url` is
 * the original, on the publisher's own domain, and a copy we read instead is
 * recorded, and shown, as a copy.
 */
function checkSourceAddresses(file: ContentFile, data: Data, problems: Problem[]): void {
  const { url, publisherDomain, offDomainReason } = data;
  const copy = data["copy"] as Data | undefined;
  if (typeof url !== "string" || typeof publisherDomain !== "string") return;
  const onDomain = isOnDomain(url, publisherDomain);
  // An address with a user name ("https://site@elsewhere") is refused by the schema already.
  const hasUserInfo = /^https?:\/\/[^/?#]*@/i.test(url);
  if (!onDomain && offDomainReason === undefined && !hasUserInfo) {
    reportAt(
      problems,
      file,
      ["url"],
      `${url} is not on the publisher's domain (${publisherDomain}); put the publisher's own address here and the address you read under copy (url and what), or add offDomainReason saying why the original is not on ${publisherDomain}`,
    );
  }
  if (onDomain && offDomainReason !== undefined) {
    reportAt(
      problems,
      file,
      ["offDomainReason"],
      `url is on ${publisherDomain} already; remove offDomainReason`,
    );
  }
  const copyUrl = copy?.["url"];
  const what = copy?.["what"];
  const otherSite =
    typeof copyUrl === "string" && typeof what === "string"
      ? namesOtherSite(what, copyUrl)
      : undefined;
  if (otherSite) {
    reportAt(
      problems,
      file,
      ["copy", "what"],
      `names ${otherSite}, but the copy is at ${String(copyUrl)}; readers see these words as the link to the copy, so say where the copy really is`,
    );
  }
  if (
    typeof copy?.["url"] === "string" &&
    copy["url"].replace(/\/+$/, "") === url.replace(/\/+$/, "")
  ) {
    reportAt(
      problems,
      file,
      ["copy", "url"],
      "is the same address as url; copy is only for a different address you read, so remove copy",
    );
  }
}

function checkCitations(
  file: ContentFile,
  data: Data,
  scan: MdxScan | undefined,
  problems: Problem[],
  missing: (file: ContentFile, path: PropertyKey[], collection: string, id: unknown) => void,
): void {
  // An empty "- " item is reported by the schema; here it is simply skipped.
  const citations = listOf<Citation>(data["citations"]);
  const defined = new Map<string, number>();
  citations.forEach((citation, index) => {
    missing(file, ["citations", index, "source"], "sources", citation.source);
    if (typeof citation.id !== "string") return;
    if (defined.has(citation.id)) {
      reportAt(
        problems,
        file,
        ["citations", index, "id"],
        `"${citation.id}" is already the id of citations[${defined.get(citation.id)}]; give each citation its own id`,
      );
    } else defined.set(citation.id, index);
  });

  const sources = new Set(
    citations.map((citation) => citation.source).filter((source) => typeof source === "string"),
  );
  if (citations.length > 0 && sources.size < 2 && data["draft"] !== true) {
    reportAt(
      problems,
      file,
      ["citations"],
      `cite at least two different sources (found ${sources.size}); a published check never rests on one source`,
    );
  }

  // A body that does not parse has already been reported; its citations cannot be read.
  if (!scan?.parsed) return;
  const used = new Set<string>();
  for (const { id, line } of scan.cites) {
    used.add(id);
    if (!defined.has(id)) {
      problems.push({
        file: file.file,
        line: line === undefined ? undefined : file.bodyLine + line - 1,
        message: `<Cite id="${id}" /> names no citation; add an entry with id: ${id} under citations, or use one of: ${someOf([...defined.keys()])}`,
      });
    }
  }
  for (const [id, index] of defined) {
    if (!used.has(id)) {
      problems.push({
        file: file.file,
        line: file.lineOf(["citations", index, "id"]),
        field: `citations[${index}]`,
        message: `"${id}" is never cited in the text; add <Cite id="${id}" /> after the sentence it supports, or remove the entry`,
      });
    }
  }
}

/**
 * Text shown near a claim's real ratings (its title, its "In brief" points,
 * the link under its answer) that types a rating of its own, or hides a
 * look-alike letter in a word.
 */
function checkTypedRatings(file: ContentFile, data: Data, problems: Problem[]): void {
  const shown: { path: (string | number)[]; text: unknown; namesRatings?: boolean }[] = [
    { path: ["title"], text: data["title"] },
    ...(Array.isArray(data["inBrief"]) ? (data["inBrief"] as unknown[]) : []).map(
      (text, index) => ({
        path: ["inBrief", index],
        text,
      }),
    ),
    { path: ["seeAlso", "label"], text: (data["seeAlso"] as Data | undefined)?.["label"] },
    // A withdrawal's reason stands on its page in place of the ratings, so
    // it may no more type one than a title may. Other entries name the old
    // and new ratings in words, which is their job, but not in the badges'
    // own form ("Is it true? True"), which the record of changes would show
    // on a withdrawn page with no real badges beside it.
    ...listOf<{ text: unknown; kind: unknown }>(data["corrections"]).map((entry, index) => ({
      path: ["corrections", index, "text"],
      text: entry.text,
      namesRatings: entry.kind !== "withdrawal",
    })),
  ];
  // Fields that may name ratings (the answer does, by design) but, like every
  // field, no word of mixed scripts: a look-alike letter slips a copied quote
  // past the check that compares quotes.
  for (const field of ["claim", "proposition", "answer", "bottomLine"]) {
    const word = typeof data[field] === "string" ? mixedScriptWord(data[field]) : undefined;
    if (word) {
      reportAt(problems, file, [field], mixedScriptMessage(word));
    }
  }
  for (const { path, text, namesRatings = false } of shown) {
    if (typeof text !== "string") continue;
    const word = mixedScriptWord(text);
    const message = (namesRatings ? statesRating(text) : typesRating(text))
      ? `types a rating out ("${typedRatingWords(text) ?? text}") as the page's badges show it, which readers would take for the page's own rating; say what the evidence shows in words of your own ("the memo gives no evidence"), and leave the rating to the badges`
      : opensLikeAnswer(text)
        ? "opens as the page's one-line answer does (\"False: ...\"), which readers would take for the site's own answer; open it with words of your own"
        : word
          ? mixedScriptMessage(word)
          : undefined;
    if (message) {
      reportAt(problems, file, path, message);
    }
  }
}

function checkClaimDates(file: ContentFile, data: Data, problems: Problem[]): void {
  const published = calendarDay(data["published"]);
  const updated = calendarDay(data["updated"]);
  if (published && updated && updated < published) {
    reportAt(
      problems,
      file,
      ["updated"],
      `${updated} is before published (${published}); a page cannot be updated before it is published`,
    );
  }
  const corrections = listOf<Correction>(data["corrections"]);
  corrections.forEach((correction, index) => {
    const date = calendarDay(correction.date);
    if (!date) return;
    const field = `corrections[${index}].date`;
    // Looked up only for a problem: finding a line means reading the file again.
    const line = (): number | undefined => file.lineOf(["corrections", index, "date"]);
    if (published && date < published) {
      problems.push({
        file: file.file,
        line: line(),
        field,
        message: `${date} is before published (${published}); a correction comes after publication`,
      });
    }
    if (updated && date > updated) {
      problems.push({
        file: file.file,
        line: line(),
        field,
        message: `${date} is after updated (${updated}); set updated to the date of the latest correction`,
      });
    }
    // The log reads oldest first, so a new entry backdated among the old
    // ones (or placed above them) cannot pass as part of an earlier revision.
    const previous = calendarDay(corrections[index - 1]?.date);
    if (previous && date < previous) {
      problems.push({
        file: file.file,
        line: line(),
        field,
        message: `${date} is before the entry above it (${previous}); entries go oldest first, so a new one goes at the end, dated the day the change is made`,
      });
    }
  });
}

/**
 * A withdrawn check's page shows one thing besides its record of changes: why
 * it was withdrawn, which the newest entry says. So a withdrawal needs that
 * entry, and the entry needs the page to be withdrawn.
 */
function checkWithdrawal(file: ContentFile, data: Data, problems: Problem[]): void {
  const corrections = listOf<Correction>(data["corrections"]);
  const last = corrections.at(-1);
  if (isWithdrawn(data) && data["draft"] === true) {
    reportAt(
      problems,
      file,
      ["draft"],
      "cannot be true on a withdrawn check: a draft was never published, a withdrawn check was; remove draft: true (the page will show the notice of its withdrawal)",
    );
  }
  if (isWithdrawn(data) && last?.kind !== "withdrawal") {
    reportAt(
      problems,
      file,
      corrections.length > 0 ? ["corrections", corrections.length - 1] : ["withdrawn"],
      "withdrawn: true needs a last corrections entry of kind: withdrawal, which readers see as the reason; add one at the end of corrections, dated today, whose text says why the check is withdrawn",
    );
  }
  if (!isWithdrawn(data) && last?.kind === "withdrawal") {
    reportAt(
      problems,
      file,
      ["corrections", corrections.length - 1],
      "the last entry withdraws the check, but withdrawn is not true; set withdrawn: true to take the page down, or, to publish it again, add an entry of kind: update saying why",
    );
  }
}

/**
 * The items of a list field, each an object: an empty or malformed item
 * (the schema reports it) stands as an empty object, so positions, and so
 * line numbers, stay right.
 */
function listOf<T>(value: unknown): Partial<T>[] {
  return (Array.isArray(value) ? value : []).map((item: unknown) =>
    typeof item === "object" && item !== null && !Array.isArray(item) ? (item as T) : {},
  );
}

/**
 * Scaffolded files hold REPLACE: markers (and sources an .invalid domain)
 * until an editor fills them in. A draft may keep them; anything published,
 * or cited by something published, may not.
 */
/**
 * "Why these ratings" names each rating with <RatingLabel of="…" />, which
 * shows the frontmatter's rating, so the prose and the badges cannot disagree.
 */
function checkRatingLabels(file: ContentFile, scan: MdxScan, problems: Problem[]): void {
  // A body that does not parse is reported once, as that; its labels are unknown.
  if (!scan.parsed) return;
  const at = (line: number | undefined) =>
    line === undefined ? undefined : file.bodyLine + line - 1;
  const dimensions = Object.keys(RATING_DIMENSIONS);
  for (const line of scan.handwrittenLabels) {
    problems.push({
      file: file.file,
      line: at(line),
      message: `a rating typed by hand goes stale when the rating changes and can contradict the page's own; in "${RATINGS_SECTION}", replace it with <RatingLabel of="verdict" /> or <RatingLabel of="reporting" />, which shows the rating from the frontmatter, and elsewhere name the rating in words of your own`,
    });
  }
  const seen = new Set<string>();
  for (const { of, line } of scan.ratingLabels) {
    if (!dimensions.includes(of)) {
      problems.push({
        file: file.file,
        line: at(line),
        message: `<RatingLabel of="${of}"> names no rating; use of="verdict" or of="reporting"`,
      });
    } else if (seen.has(of)) {
      problems.push({
        file: file.file,
        line: at(line),
        message: `<RatingLabel of="${of}"> appears twice; explain each rating in one paragraph that starts with its label`,
      });
    }
    seen.add(of);
  }
  const heading = new RegExp(`^## ${RATINGS_SECTION}\\s*$`, "m").exec(file.body);
  // A hand-typed label is reported above; saying the rating is missing too would repeat it.
  if (!heading || scan.handwrittenLabels.length > 0) return;
  const headingLine = file.body.slice(0, heading.index).split("\n").length;
  for (const dimension of dimensions.filter((name) => !seen.has(name))) {
    problems.push({
      file: file.file,
      line: at(headingLine),
      message: `"${RATINGS_SECTION}" does not explain the ${dimension} rating; add a paragraph that starts with <RatingLabel of="${dimension}" />`,
    });
  }
}

function checkPlaceholders(files: readonly ContentFile[], problems: Problem[]): void {
  // Every file but a draft claim is published as soon as it exists (a source
  // on the Sources page, whether a claim cites it or not).
  const published = files.filter(
    (file) => file.collection !== "claims" || (file.data as Data | null)?.["draft"] !== true,
  );
  for (const file of published) {
    file.text.split("\n").forEach((line, index) => {
      if (line.includes(PLACEHOLDER) || /[a-z0-9-]\.invalid\b/.test(line)) {
        problems.push({
          file: file.file,
          line: index + 1,
          message: `${PLACEHOLDER_PROBLEM} (${shorten(line.trim(), 60)}); replace it with the real value${file.collection === "claims" ? ", or set draft: true until it is ready" : ""}`,
        });
      }
    });
  }
}

/** The most unknown ids a check run suggests a spelling for. */
const MOST_GUESSES = 100;

/** A few of a file's own ids for a message, not all of them: a file can define thousands. */
function someOf(ids: readonly string[]): string {
  if (ids.length === 0) return "(none yet)";
  const shown = ids.slice(0, 10).join(", ");
  return ids.length > 10 ? `${shown} and ${ids.length - 10} more` : shown;
}

/** How the placeholder rule's problems start, so a line reported more precisely is not repeated. */
export const PLACEHOLDER_PROBLEM = "still holds a placeholder from the template";

/**
 * A claim's one-line answer opens with the plain answer to "Is it true?" for
 * its verdict ("Unproven: ..."), so the first words a reader sees agree with
 * the rating, whatever order the editor thought in.
 */
function checkAnswer(file: ContentFile, data: Data, problems: Problem[]): void {
  const { answer, verdict } = data;
  if (typeof answer !== "string" || !RATING_KEYS.includes(verdict as RatingKey)) return;
  if (answer.includes(PLACEHOLDER)) return; // refused once published, by checkPlaceholders
  const opening = `${getRating(verdict as RatingKey).plainAnswer}:`;
  if (answer.trim().startsWith(opening)) return;
  reportAt(
    problems,
    file,
    ["answer"],
    `must open with "${opening}", the plain answer to "${RATING_DIMENSIONS.verdict.label}" for the verdict ${String(verdict)}, then say how the story reported it, e.g. "${opening} ...; the memo did say it, and the story quoted it accurately."`,
  );
}
