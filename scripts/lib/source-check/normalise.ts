/**
 * Turns a web page and a cited passage into comparable text, so a passage is
 * found whatever the page's markup, entities, quote marks, dashes, spacing or
 * letter case. Editors' marks in a passage ("[...]", "…", "[l]ikely",
 * "UAS[unmanned aerial systems]") stand for words the page has or lacks, so
 * the parts between them are looked for in order with a gap allowed.
 */

import { Parser } from "htmlparser2";

/** Elements whose text a reader never sees. */
const HIDDEN_ELEMENTS = new Set(["script", "style", "template", "noscript"]);

/** Tags that sit inside a line of text: removing them must not split a word. */
const INLINE_TAGS = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "cite",
  "code",
  "data",
  "del",
  "dfn",
  "em",
  "font",
  "i",
  "ins",
  "kbd",
  "mark",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "time",
  "tt",
  "u",
  "var",
  "wbr",
]);

/**
 * The text a reader sees on an HTML page, before normalisation. A real HTML
 * parser reads it in one pass, so no page, however malformed (thousands of
 * unclosed tags, say), can make it slow; it decodes character references as
 * browsers do.
 */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN_ELEMENTS.has(name)) hidden += 1;
        else if (!INLINE_TAGS.has(name)) parts.push(" ");
      },
      onclosetag(name) {
        if (HIDDEN_ELEMENTS.has(name)) hidden = Math.max(0, hidden - 1);
        else if (!INLINE_TAGS.has(name)) parts.push(" ");
      },
      ontext(text) {
        if (hidden === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts.join("");
}

/** Every kind of quotation mark and apostrophe: they compare equal. */
const QUOTES =
  /["'`\u00AB\u00B4\u00BB\u02BB\u02BC\u2018-\u201F\u2032\u2033\u2035\u2036\u2039\u203A\u300C\u300D]/g;
/** Hyphens, dashes and the minus sign: they compare equal. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63-]/g;
/** Characters that change nothing a reader sees. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/**
 * The comparable form of a text: compatibility-normalised (ligatures, "…"),
 * one quote mark, one dash, invisible characters dropped, spaces collapsed
 * and dropped next to punctuation, dashes and quotes, lower case.
 */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(QUOTES, '"')
    .replace(DASHES, "-")
    .replace(/\s+/g, " ")
    .replace(/ ?([-"]) ?/g, "$1")
    .replace(/ ([,.;:!?)\]}])/g, "$1")
    .replace(/([([{]) /g, "$1")
    .trim()
    .toLowerCase();
}

/** The comparable text of an HTML page. */
export function pageText(html: string): string {
  return normaliseText(htmlToText(html));
}

/** Longest stretch of page text an editor's bracketed insertion may stand for. */
const BRACKET_GAP = 80;

interface Fragment {
  readonly text: string;
  /** Most characters allowed between the previous fragment and this one. */
  readonly maxGap: number;
}

/**
 * Splits a normalised passage at editors' marks: an ellipsis ("..." after
 * normalisation) may stand for any amount of text, a bracketed insertion for
 * a few words or none.
 */
function fragments(passage: string): Fragment[] {
  const parts: Fragment[] = [];
  const mark = /\[[^\]]*\]|\.{3,}/g;
  let start = 0;
  let gap = 0;
  for (const match of passage.matchAll(mark)) {
    const text = passage.slice(start, match.index).trim();
    if (text) {
      parts.push({ text, maxGap: gap });
      gap = 0;
    }
    gap += match[0].startsWith("[") ? BRACKET_GAP : Number.POSITIVE_INFINITY;
    start = match.index + match[0].length;
  }
  const rest = passage.slice(start).trim();
  if (rest) parts.push({ text: rest, maxGap: gap });
  return parts;
}

function foundInOrder(
  text: string,
  parts: readonly Fragment[],
  index: number,
  from: number,
): boolean {
  const part = parts[index];
  if (!part) return true;
  const latestStart = index === 0 ? text.length : from + part.maxGap + 1;
  for (
    let at = text.indexOf(part.text, from);
    at !== -1 && at <= latestStart;
    at = text.indexOf(part.text, at + 1)
  ) {
    if (foundInOrder(text, parts, index + 1, at + part.text.length)) return true;
  }
  return false;
}

/**
 * Whether a cited passage is in a page's comparable text (see `pageText`).
 * An empty passage is never found: there is nothing to vouch for.
 */
export function containsPassage(normalisedPage: string, passage: string): boolean {
  const parts = fragments(normaliseText(passage));
  return parts.length > 0 && foundInOrder(normalisedPage, parts, 0, 0);
}
