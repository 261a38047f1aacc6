/**
 * Turns a web page and a cited passage into comparable text, so a passage is
 * found whatever the page's markup, entities, quote marks, dashes, spacing or
 * letter case. Editors' marks in a passage ("[...]", "…", "[l]ikely",
 * "UAS[unmanned aerial systems]") stand for words the page has or lacks, so
 * the parts between them are looked for in order with a gap allowed.
 */

/** Elements whose text a reader never sees. */
const HIDDEN_ELEMENTS = /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?(?:-->|$)/g;
/** Doctype, CDATA, processing instructions. */
const DECLARATIONS = /<[!?][^>]*>/g;
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g;

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

/** The named entities pages use for text; any other named entity is left as written. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  hairsp: " ",
  shy: "",
  zwj: "",
  zwnj: "",
  lsquo: "‘",
  rsquo: "’",
  sbquo: "‚",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  laquo: "«",
  raquo: "»",
  lsaquo: "‹",
  rsaquo: "›",
  prime: "′",
  Prime: "″",
  ndash: "–",
  mdash: "—",
  minus: "−",
  hyphen: "‐",
  dash: "‐",
  hellip: "…",
  mldr: "…",
  bull: "•",
  middot: "·",
  copy: "©",
  reg: "®",
  trade: "™",
  deg: "°",
  sect: "§",
  para: "¶",
  euro: "€",
  pound: "£",
  cent: "¢",
  yen: "¥",
  times: "×",
  divide: "÷",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  aacute: "á",
  Aacute: "Á",
  agrave: "à",
  Agrave: "À",
  acirc: "â",
  auml: "ä",
  Auml: "Ä",
  aring: "å",
  atilde: "ã",
  ccedil: "ç",
  Ccedil: "Ç",
  eacute: "é",
  Eacute: "É",
  egrave: "è",
  Egrave: "È",
  ecirc: "ê",
  euml: "ë",
  iacute: "í",
  igrave: "ì",
  icirc: "î",
  iuml: "ï",
  ntilde: "ñ",
  Ntilde: "Ñ",
  oacute: "ó",
  Oacute: "Ó",
  ograve: "ò",
  ocirc: "ô",
  ouml: "ö",
  Ouml: "Ö",
  otilde: "õ",
  oslash: "ø",
  szlig: "ß",
  uacute: "ú",
  Uacute: "Ú",
  ugrave: "ù",
  ucirc: "û",
  uuml: "ü",
  Uuml: "Ü",
  yacute: "ý",
};

/** Numeric references 128–159 mean Windows-1252 characters, as browsers read them. */
const WINDOWS_1252: Readonly<Record<number, string>> = {
  128: "€",
  130: "‚",
  132: "„",
  133: "…",
  134: "†",
  135: "‡",
  139: "‹",
  145: "‘",
  146: "’",
  147: "“",
  148: "”",
  149: "•",
  150: "–",
  151: "—",
  153: "™",
  155: "›",
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g;

/** Decodes character references: `&amp;`, `&#8217;`, `&#x201C;`, `&rsquo;`. */
export function decodeEntities(text: string): string {
  return text.replace(
    ENTITY,
    (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
      const code = decimal === undefined ? Number.parseInt(hex ?? "", 16) : Number(decimal);
      const windows = WINDOWS_1252[code];
      if (windows !== undefined) return windows;
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\uFFFD";
      return String.fromCodePoint(code);
    },
  );
}

/** The text a reader sees on an HTML page, before normalisation. */
export function htmlToText(html: string): string {
  const withoutMarkup = html
    .replace(COMMENTS, " ")
    .replace(HIDDEN_ELEMENTS, " ")
    .replace(DECLARATIONS, " ")
    .replace(TAG, (_tag, name: string) => (INLINE_TAGS.has(name.toLowerCase()) ? "" : " "));
  return decodeEntities(withoutMarkup);
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
