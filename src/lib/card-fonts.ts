/**
 * The font files social cards are drawn with, one per weight, and the boxes
 * a claim's card sets its title and answer in: the card's design
 * (src/lib/social-card.ts) draws with them, and the content check
 * (src/content-check/card-text.ts) refuses a title or answer with a
 * character they lack, or too long for its box. Node loads this module
 * without Vite, so it imports by file path.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const CARD_FONT_FILES = {
  400: require.resolve("@fontsource/inter/files/inter-latin-400-normal.woff"),
  700: require.resolve("@fontsource/inter/files/inter-latin-700-normal.woff"),
} as const;

/** A card's size, its coloured stripe and its padding, in pixels. */
export const CARD = { width: 1200, height: 630, stripe: 24, padX: 64, padY: 44 } as const;

/** The width a card's text wraps at: the card less its stripe and padding. */
export const CARD_TEXT_WIDTH = CARD.width - CARD.stripe - 2 * CARD.padX;

/** How many lines of a title or an answer a card shows; the rest is cut. */
export const CARD_TEXT_LINES = 3;

/** The type a claim's card sets its title and its answer in. */
export const CARD_TEXT = {
  title: { fontSize: 46, fontWeight: 700, lineHeight: 1.15 },
  answer: { fontSize: 29, fontWeight: 400, lineHeight: 1.35 },
} as const;
