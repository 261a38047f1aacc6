/**
 * What a claim's social card draws (its title and its one-line answer) must
 * be drawable by the card's font: a character the font lacks comes out as an
 * empty box on the image people share. The page itself is not limited (the
 * browser falls back to other fonts); only the card is.
 */
import * as fontkit from "fontkit";
import { CARD_FONT_FILES } from "../lib/card-fonts.ts";
import type { ContentFile } from "./load.ts";
import type { Problem } from "./problem.ts";

/** The claim fields a card draws. */
const DRAWN_FIELDS = ["title", "answer"] as const;

const fonts = Object.values(CARD_FONT_FILES).map((file) => {
  const font = fontkit.openSync(file);
  if (!("hasGlyphForCodePoint" in font)) throw new Error(`${file} is a font collection`);
  return font;
});

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
        if (lacking.length === 0) return [];
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
