/**
 * The font files social cards are drawn with, one per weight: the card's
 * design (src/lib/social-card.ts) draws with them, and the content check
 * (src/content-check/card-text.ts) refuses a title or answer with a
 * character they lack. Node loads this module without Vite, so it imports by
 * file path.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const CARD_FONT_FILES = {
  400: require.resolve("@fontsource/inter/files/inter-latin-400-normal.woff"),
  700: require.resolve("@fontsource/inter/files/inter-latin-700-normal.woff"),
} as const;
