/**
 * What a claim's social card draws (its title and its one-line answer) must
 * be drawable by the card's font: a character the font lacks comes out as an
 * empty box on the image people share. The page itself is not limited (the
 * browser falls back to other fonts); only the card is.
 */
import * as fontkit from "fontkit";
import { CARD_FONT_FILES, CARD_TEXT, CARD_TEXT_LINES, CARD_TEXT_WIDTH } from "../lib/card-fonts.ts";
import { ANSWER_MAX, TITLE_MAX } from "../schemas/limits.ts";
import type { ContentFile } from "./load.ts";
import type { Problem } from "./problem.ts";

/** The claim fields a card draws. */
const DRAWN_FIELDS = ["title", "answer"] as const;
const MAX_LENGTH = { title: TITLE_MAX, answer: ANSWER_MAX } as const;

function openFont(file: string): fontkit.Font {
  const font = fontkit.openSync(file);
  if (!("hasGlyphForCodePoint" in font)) throw new Error(`${file} is a font collection`);
  return font;
}

const fontByWeight = {
  400: openFont(CARD_FONT_FILES[400]),
  700: openFont(CARD_FONT_FILES[700]),
};
const fonts = Object.values(fontByWeight);

/** Each character's advance in a font's units, looked up once. */
const advances = new Map<fontkit.Font, Map<number, number>>();

/**
 * A text's width in pixels at `fontSize`: its characters' advances, without
 * kerning, which mostly narrows text, so the sum errs wide. (Laying the text
 * out with fontkit is exact but took 2.7 s for 1,000 claims.)
 */
function textWidth(font: fontkit.Font, text: string, fontSize: number): number {
  let known = advances.get(font);
  if (!known) advances.set(font, (known = new Map()));
  let units = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    let advance = known.get(codePoint);
    if (advance === undefined) {
      advance = font.glyphForCodePoint(codePoint).advanceWidth;
      known.set(codePoint, advance);
    }
    units += advance;
  }
  return (units * fontSize) / font.unitsPerEm;
}

/**
 * How many lines the card needs for `text` in `field`'s type, laid out as
 * the card does: words wrapped at the text width, a word wider than a line
 * broken. Words break at plain spaces only, and widths count 2% wide, so the count
 * errs long: a text it fits in the card's lines is never cut there
 * (tests/unit/card-text.test.ts compares it with the card's own layout).
 */
export function cardLines(text: string, field: (typeof DRAWN_FIELDS)[number]): number {
  const { fontSize, fontWeight } = CARD_TEXT[field];
  const font = fontByWeight[fontWeight];
  const width = (words: string) => textWidth(font, words, fontSize) * 1.02;
  const space = width(" ");
  let lines = 1;
  let used = 0;
  // Lines break at plain spaces; a no-break space (U+00A0, U+2007, U+202F)
  // joins the words beside it, for the card as for a browser.
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    const wide = width(word);
    const needed = used === 0 ? wide : used + space + wide;
    if (needed <= CARD_TEXT_WIDTH) {
      used = needed;
    } else if (wide <= CARD_TEXT_WIDTH) {
      lines++;
      used = wide;
    } else {
      // Broken across lines, it starts on a line of its own.
      const whole = Math.ceil(wide / CARD_TEXT_WIDTH);
      lines += (used === 0 ? 0 : 1) + whole - 1;
      used = wide - (whole - 1) * CARD_TEXT_WIDTH;
    }
  }
  return lines;
}

/** The characters of `text` that some card font cannot draw, each once, in order. */
export function undrawableCharacters(text: string): string[] {
  const lacking = new Set<string>();
  for (const character of text) {
    // Half a character (a lone surrogate) is the schema check's to report.
    if (/\s|\p{Surrogate}/u.test(character)) continue;
    const codePoint = character.codePointAt(0) ?? 0;
    if (fonts.some((font) => !font.hasGlyphForCodePoint(codePoint))) lacking.add(character);
  }
  return [...lacking];
}

export function checkCardText(files: readonly ContentFile[]): Problem[] {
  return files
    .filter((file) => file.collection === "claims")
    .flatMap((file) =>
      DRAWN_FIELDS.flatMap((field) => {
        const value = (file.data as Record<string, unknown> | undefined)?.[field];
        if (typeof value !== "string") return [];
        const lacking = undrawableCharacters(value);
        if (lacking.length === 0) {
          // Past its length limit, the schema check has reported it already.
          if (value.length > MAX_LENGTH[field]) return [];
          const lines = cardLines(value, field);
          if (lines <= CARD_TEXT_LINES) return [];
          return [
            {
              file: file.file,
              line: file.lineOf([field]),
              field,
              message: `is too long for the social card: it needs about ${lines} lines there, and the card shows ${CARD_TEXT_LINES}, so the card people share would cut it off; shorten it`,
            },
          ];
        }
        const named = lacking.map((character) => `"${character}"`).join(", ");
        return [
          {
            file: file.file,
            line: file.lineOf([field]),
            field,
            message:
              `has ${named}, which the social card's font cannot draw: the card people share would show an empty box instead; ` +
              "write the words in Latin letters here (a transliteration, say) and keep the original in the page's text",
          },
        ];
      }),
    );
}
