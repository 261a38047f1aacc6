/**
 * What content may put on a page, in one place. Two guards read it: the
 * content check (mdx-safety.ts), which parses each MDX file exactly as the
 * compiler does and words each refusal for an editor, and the emit guard
 * (emit-guard.ts), which fails the build if the compiler's output for a
 * content file holds anything else, so an unknown parser trick cannot reach
 * dist/ either.
 */
import type { Features } from "satteri";
import { isPlainWebAddress } from "../schemas/fields.ts";
import { RATING_DIMENSIONS, RATING_KEYS, getRating } from "../schemas/ratings.ts";

export { isPlainWebAddress };
import {
  COLLECTIONS,
  LINKABLE_PAGES,
  type CollectionName,
  type ComponentName,
} from "../schemas/collections.ts";

/**
 * The MDX compiler's parser features. astro.config.mjs hands these to Astro's
 * Sätteri processor and the content check parses with the same, so the two
 * read every file alike (GFM tables, footnotes and autolinks included).
 * Astro's defaults, written out so that neither side can drift alone.
 */
export const MDX_FEATURES = {
  gfm: true,
  smartPunctuation: true,
} as const satisfies Features;

/** A component an MDX file may use, with the props it accepts (all strings). */
export interface MdxComponentSpec {
  readonly props: Readonly<
    Record<string, { required: boolean; expected: string; oneOf?: readonly string[] }>
  >;
  /**
   * True for a component that draws only itself and so is always closed at
   * once (<Cite id="..." />): words put inside it would vanish from the page.
   */
  readonly selfClosing: boolean;
}

/** The site's MDX components. The layouts provide them, so nothing is imported. */
export const MDX_COMPONENTS = {
  Cite: {
    props: {
      id: {
        required: true,
        expected: 'the id of one of this claim\'s citations, e.g. id="bulletin-assessment"',
      },
    },
    selfClosing: true,
  },
  ClaimLink: {
    props: {
      id: {
        required: true,
        expected: 'the file name of a published claim, e.g. id="story-opinion-absurd"',
      },
    },
    selfClosing: false,
  },
  RatingLabel: {
    props: {
      of: {
        required: true,
        expected: 'which rating to name: of="verdict" or of="reporting"',
      },
    },
    selfClosing: true,
  },
  PageLink: {
    props: {
      to: {
        required: true,
        expected: `one of the site's pages (${LINKABLE_PAGES.join(", ")}), e.g. to="methodology"`,
        oneOf: LINKABLE_PAGES,
      },
    },
    selfClosing: false,
  },
} as const satisfies Record<ComponentName, MdxComponentSpec>;

export type MdxComponentName = ComponentName;

/** Inline HTML tags an editor may write for typography; everything else is Markdown. */
export const ALLOWED_TAGS: readonly string[] = [
  "abbr",
  "br",
  "cite",
  "del",
  "em",
  "ins",
  "kbd",
  "mark",
  "q",
  "s",
  "small",
  "strong",
  "sub",
  "sup",
  "time",
];

/** Attributes allowed on those tags. Never class or style: content does not style the site. */
export const ALLOWED_ATTRIBUTES: readonly string[] = ["title", "datetime", "lang", "cite"];

/** Attributes whose value is an address, checked with `unsafeUrl`. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  "href",
  "src",
  "cite",
  "action",
  "formaction",
  "poster",
]);

/** Tags that embed another page or media, refused with their own explanation. */
export const EMBEDS: ReadonlySet<string> = new Set([
  "iframe",
  "frame",
  "frameset",
  "embed",
  "object",
  "portal",
  "video",
  "audio",
  "source",
  "track",
  "applet",
]);

/**
 * The elements the compiler may emit from Markdown in a content file, with the
 * properties each may carry (hast names). Anything else in the output fails
 * the build: footnote sections, task-list checkboxes, code-fence classes.
 */
export const EMITTED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  a: ["href"],
  blockquote: [],
  br: [],
  code: [],
  del: [],
  em: [],
  h2: [],
  h3: [],
  h4: [],
  hr: [],
  li: [],
  ol: ["start"],
  p: [],
  pre: [],
  strong: [],
  table: [],
  tbody: [],
  td: ["align"],
  th: ["align"],
  thead: [],
  tr: [],
  ul: [],
};

/**
 * Whether an address uses a scheme other than http, https or mailto
 * (javascript:, data:, vbscript:...). Browsers ignore control characters and
 * spaces inside a scheme, and so does this.
 */
export function unsafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const bare = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1]?.toLowerCase();
  return scheme !== undefined && !["http", "https", "mailto"].includes(scheme);
}

/**
 * Whether a link address opens another site in a way its text can hide: a
 * user name before the host, a host in another script, or xn--, for full
 * addresses and protocol-relative ones (//host/...) alike.
 */
export function isDeceptiveAddress(url: string): boolean {
  const absolute = url.startsWith("//") ? `https:${url}` : url;
  return /^https?:/i.test(absolute) && !isPlainWebAddress(absolute);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A rating written out as a badge would show it: a rating's question, or a
 * word such as "Verdict" or "Fact check", then a rating's label or plain
 * answer ("Is it true? Accurate", "Verdict: True", "Fact check: FALSE").
 * Written by hand it can contradict the page's real rating beside it.
 */
const RATING_QUESTIONS = Object.values(RATING_DIMENSIONS).map(({ label }) =>
  // The question with or without its question mark ("Is it true: True").
  escapeRegExp(label).replace(/\\\?$/, "\\??"),
);
const RATING_WORDS = [
  ...RATING_KEYS.flatMap((key) => [getRating(key).label, getRating(key).plainAnswer]),
  "confirmed",
].map(escapeRegExp);
/** What may stand between a rating's name and its value: punctuation, quotes, arrows, ticks, emphasis. */
const RATING_GAP = `[\\s:.,;|()\\-–—✓✔✅☑≈±≠✗✘❌?'"‘’“”*_\`→⇒>=~]*`;
/** A rating's value, perhaps with a word of emphasis ("Definitely True"). */
const RATING_VALUE = `(?:\\p{L}+ly\\s+)?(?:${RATING_WORDS.join("|")})\\b`;
const RATING_NAMES = [...RATING_QUESTIONS, "verdict", "rating", "rated", "fact[- ]?check(?:ed)?"];
const typedRating = (names: readonly string[], gap: string) =>
  new RegExp(
    `(?:${names.join("|")})(?:${RATING_GAP}(?:is|now|was|stays|becomes)\\b)*${gap}${RATING_VALUE}`,
    "iu",
  );

/** A bare yes or no answering a rating's question ("Is it true? Yes."). */
const ANSWERED_QUESTION = `(?:${RATING_QUESTIONS.join("|")})${RATING_GAP}(?:yes|no)(?!\\s*\\p{L})`;
/** A rating's name, a colon (or arrow, equals sign), and a value ("Our finding: True"). */
const RATING_STATEMENT = typedRating(
  [...RATING_NAMES, "finding"],
  `\\s*[:=→⇒]${RATING_GAP}`,
).source;
const TYPED_RATING = new RegExp(
  [typedRating(RATING_NAMES, RATING_GAP).source, RATING_STATEMENT, ANSWERED_QUESTION].join("|"),
  "iu",
);
/**
 * Where ratings may be named in words (a corrections entry: "we now rate the
 * verdict Mixed"), only their typed forms: a rating's question then a value,
 * or a name, a colon (or arrow, equals sign) and a value ("Verdict: True").
 */
const TYPED_RATING_STATED = new RegExp(
  [typedRating(RATING_QUESTIONS, RATING_GAP).source, RATING_STATEMENT, ANSWERED_QUESTION].join("|"),
  "iu",
);
/** A plain answer or label opening the text as the answer line does ("False: ..."). */
const ANSWER_OPENING = new RegExp(`^${RATING_GAP}${RATING_VALUE}\\s*[:–—]`, "iu");

/** Whether text types a rating out as a badge shows it (see TYPED_RATING). */
export const typesRating = (text: string): boolean => TYPED_RATING.test(text.normalize("NFKC"));

/** The words that type a rating out (see TYPED_RATING), for a message to quote. */
export const typedRatingWords = (text: string): string | undefined =>
  TYPED_RATING.exec(text.normalize("NFKC"))?.[0];

/**
 * Whether text types a rating in a form readers take for one (see
 * TYPED_RATING_STATED), where ratings may otherwise be named in words.
 */
export const statesRating = (text: string): boolean =>
  TYPED_RATING_STATED.test(text.normalize("NFKC"));

/**
 * Whether text opens as the page's one-line answer does ("False: DJI ..."),
 * which read in a title, a point of In brief or a withdrawal's notice passes
 * for the site's answer.
 */
export const opensLikeAnswer = (text: string): boolean =>
  ANSWER_OPENING.test(text.normalize("NFKC"));

/**
 * A word that mixes Latin letters with Cyrillic or Greek ones, which look
 * the same ("Аccurate" with a Cyrillic А): no English word needs it, and it
 * slips past every check that reads the word.
 */
export function mixedScriptWord(text: string): string | undefined {
  return text
    .normalize("NFKC")
    .split(/[^\p{L}\p{M}]+/u)
    .find(
      (word) =>
        // Latin with a letter of any other script (Cyrillic о, Armenian օ,
        // Cherokee Ꭲ), or with the phonetic alphabet's small capitals and
        // turned letters (ᴛʀᴜᴇ), which are Latin to Unicode but no English
        // word's spelling.
        (/\p{Script=Latin}/u.test(word) && /(?!\p{Script=Latin})\p{L}/u.test(word)) ||
        /[\u0250-\u02af\u1d00-\u1dbf]/u.test(word),
    );
}

/** A site's name in words ("nytimes.com", "https://www.dji.com/x"), without www. */
const NAMED_SITE =
  /(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:com|org|gov|net|io|cn|edu|mil|int|info|news|co|uk|au|hk|tw|de|fr|nl|live))\b/i;

/**
 * The site that words name when the address they label opens another one:
 * "[nytimes.com/…](https://evil.example)" or a copy described as "the
 * original on nytimes.com" but kept elsewhere. Undefined when the words name
 * no site, or the one the address opens (or a site it is part of).
 */
export function namesOtherSite(words: string, url: string): string | undefined {
  // NFKC makes a look-alike dot (U+2024 "․") the full stop it imitates.
  const named = NAMED_SITE.exec(words.normalize("NFKC"))?.[1]?.toLowerCase();
  if (!named) return undefined;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return named;
  }
  return host === named || host.endsWith(`.${named}`) ? undefined : named;
}

/** Text that reads as a web address: a hover title must not show one. */
export const LOOKS_LIKE_ADDRESS =
  /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|org|gov|net|io|cn)\b/i;

/** The content folder (claims, snippets...) a project-relative path is in, if any. */
export function contentFolderOf(file: string): string | undefined {
  return /(?:^|\/)content\/([^/]+)\//.exec(file)?.[1];
}

/** The components an MDX file may use, by the content folder it is in (none elsewhere). */
export function componentsFor(file: string): readonly ComponentName[] {
  const folder = contentFolderOf(file);
  const spec =
    folder && Object.hasOwn(COLLECTIONS, folder)
      ? COLLECTIONS[folder as CollectionName]
      : undefined;
  return (spec && "components" in spec ? spec.components : undefined) ?? [];
}

/**
 * Characters a reader cannot see that change what text shows or means:
 * control characters (NUL, escape...), bidirectional marks, overrides and
 * isolates, zero-width and filler characters, line and paragraph separators,
 * noncharacters, variation selectors and the invisible tag characters, and
 * runs of combining marks (text drawn over its neighbours; in composed
 * text, NFC, a letter carries at most one).
 * Tabs and line breaks are fine.
 */
export const HIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- matching control characters and lone variation selectors is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u2800\u3164\ufdd0-\ufdef\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffc\ufffe\uffff]|[\u{110bd}\u{110cd}\u{13430}-\u{1345f}\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e01ef}]|\p{M}{2,}/u;

/** What an attribute's value must be, where any text would break the page's HTML. */
export const ATTRIBUTE_VALUES: Readonly<
  Record<string, { valid: (value: string) => boolean; expected: string }>
> = {
  datetime: {
    valid: (value) =>
      /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value) &&
      !Number.isNaN(new Date(value).getTime()) &&
      new Date(value).toISOString().startsWith(value.padEnd(4, "-")),
    expected: "a real date such as 2017-11-30 (or 2017-11, or 2017)",
  },
  lang: {
    valid: (value) => {
      try {
        return Intl.getCanonicalLocales(value).length === 1 && /^[a-z]{2,3}(?:-|$)/.test(value);
      } catch {
        return false;
      }
    },
    expected: "a language tag such as en, zh or zh-Hans",
  },
  cite: {
    valid: (value) => isPlainWebAddress(value),
    expected: "a full web address starting with https://",
  },
};

/** How deeply content may nest lists, quotes and inline tags; far beyond any real page. */
export const MAX_NESTING = 12;

/** Line breaks a file may force; more would push the evidence off the screen. */
export const MAX_BREAKS = 20;

/** `U+202E`: how a character is named in a message. */
export function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Whether text has a letter or a digit a reader can see, once hidden characters are set aside. */
export function hasVisibleWords(text: string): boolean {
  // eslint-disable-next-line no-misleading-character-class -- the same class as HIDDEN_CHARACTERS, on purpose
  return /[\p{L}\p{N}]/u.test(text.replace(new RegExp(HIDDEN_CHARACTERS.source, "gu"), ""));
}
