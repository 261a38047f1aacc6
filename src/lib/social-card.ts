/**
 * The social cards: a 1200×630 PNG for each claim (its title, its one-line
 * answer and both ratings) and one for the site, drawn at build time (satori
 * lays out, resvg rasterises). Fonts come from an npm package so the build
 * never fetches anything; rating symbols are drawn as shapes, because the card
 * font has no ✓ or ≈, and a unit test checks every character a card draws
 * against the font.
 *
 * This module is the cards' design only. How claim cards are scheduled (a
 * pool of worker threads) and cached between builds is
 * src/lib/social-card-pool.ts. Node loads this module in those worker threads
 * without Vite, so it imports by file path with the `.ts` extension, not
 * through the @/ alias.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import type { SiteCardInput } from "./card-content.ts";
import {
  CARD,
  CARD_FONT_FILES,
  CARD_TEXT,
  CARD_TEXT_LINES,
  CARD_TEXT_WIDTH,
} from "./card-fonts.ts";
import type { CardInput } from "./card-input.ts";
import { encodePng } from "./png.ts";
import { shorten } from "./shorten.ts";
import { ANSWER_MAX, TITLE_MAX } from "../schemas/limits.ts";
import {
  RATINGS,
  RATING_DIMENSIONS,
  RATING_DIMENSION_ORDER,
  getRating,
  type RatingDimension,
  type RatingKey,
} from "../schemas/ratings.ts";

export type { CardInput };

const font = (weight: 400 | 700) => readFileSync(CARD_FONT_FILES[weight]);
export const FONTS = [
  { name: "Inter", data: font(400), weight: 400 as const, style: "normal" as const },
  { name: "Inter", data: font(700), weight: 700 as const, style: "normal" as const },
];

/**
 * The light-theme value of each rating's colour token in global.css (the
 * first declaration of `--color-rating-<token>`, inside @theme): cards have no
 * theme, and the page and the card cannot drift apart.
 */
export function ratingColoursFrom(css: string): Record<RatingKey, string> {
  return Object.fromEntries(
    RATINGS.map(({ key, colorToken }) => {
      const value = new RegExp(`--color-rating-${colorToken}:\\s*(#[0-9a-fA-F]{6})`).exec(css)?.[1];
      if (!value) throw new Error(`global.css has no --color-rating-${colorToken}`);
      return [key, value];
    }),
  ) as Record<RatingKey, string>;
}

export const CARD_RATING_COLOURS = ratingColoursFrom(
  readFileSync(join(process.cwd(), "src", "styles", "global.css"), "utf8"),
);

/** A satori element: a plain object, so tests can walk what a card draws. */
export interface CardNode {
  type: string;
  props: Record<string, unknown> & { style?: Record<string, unknown>; children?: unknown };
}
const el = (type: string, style: Record<string, unknown>, children?: unknown): CardNode => ({
  type,
  props: { style, children },
});

/**
 * However wide its letters, text stays within its lines: a word too long for
 * a line is broken, and lines past the last are cut with an ellipsis, so the
 * ratings below are never pushed off the card.
 */
const FIT = { overflowWrap: "break-word", lineClamp: CARD_TEXT_LINES } as const;

/**
 * Each rating's symbol as strokes in a 24×24 box: the same signs as the
 * registry's `symbol` (✓ ≈ ± ≠ ✗ ? –), drawn rather than typed.
 */
export const RATING_SYMBOL_PATHS: Record<RatingKey, string> = {
  accurate: "M4 12.5 9.5 18 20 6",
  "mostly-accurate": "M4 9.5c3-3 5-3 8 0s5 3 8 0M4 16.5c3-3 5-3 8 0s5 3 8 0",
  mixed: "M12 4v10M7 9h10M7 19h10",
  "mostly-inaccurate": "M5 9h14M5 15h14M16 4 8 20",
  inaccurate: "M6 6l12 12M18 6 6 18",
  unproven: "M8 8.5C8 5 16 5 16 9c0 3-4 3-4 6.5M12 20v.01",
  "not-rated": "M6 12h12",
};

function symbol(key: RatingKey, colour: string, size: number): CardNode {
  return {
    type: "svg",
    props: {
      width: size,
      height: size,
      viewBox: "0 0 24 24",
      style: { marginRight: 10 },
      children: {
        type: "path",
        props: {
          d: RATING_SYMBOL_PATHS[key],
          fill: "none",
          stroke: colour,
          strokeWidth: 3,
          strokeLinecap: "round",
          strokeLinejoin: "round",
        },
      },
    },
  };
}

/** One rating as on the page: the dimension's label over a pill with the symbol and the rating. */
function ratingBlock(dimension: RatingDimension, key: RatingKey): CardNode {
  const colour = CARD_RATING_COLOURS[key];
  return el("div", { display: "flex", flexDirection: "column", marginRight: 48 }, [
    el(
      "div",
      { fontSize: 24, fontWeight: 700, color: "#52525b" },
      RATING_DIMENSIONS[dimension].label,
    ),
    el(
      "div",
      {
        display: "flex",
        alignItems: "center",
        marginTop: 8,
        fontSize: 30,
        fontWeight: 700,
        color: colour,
        border: `4px solid ${colour}`,
        borderRadius: 999,
        padding: "4px 22px 4px 16px",
      },
      [symbol(key, colour, 30), el("div", {}, getRating(key).label)],
    ),
  ]);
}

function frame(stripe: string, children: CardNode[]): CardNode {
  return el(
    "div",
    { width: CARD.width, height: CARD.height, display: "flex", backgroundColor: "#ffffff" },
    [
      el("div", { width: CARD.stripe, height: CARD.height, backgroundColor: stripe }),
      el(
        "div",
        {
          // Satori sizes the content box, so padding is added outside these.
          width: CARD_TEXT_WIDTH,
          height: CARD.height - 2 * CARD.padY,
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: `${CARD.padY}px ${CARD.padX}px`,
          fontFamily: "Inter",
          color: "#18181b",
        },
        children,
      ),
    ],
  );
}

const siteLine = (siteName: string, address: string) =>
  el("div", { display: "flex", justifyContent: "space-between", fontSize: 26, color: "#52525b" }, [
    el("div", { fontWeight: 700 }, siteName),
    el("div", {}, address),
  ]);

/** What a claim's card draws, as satori's element tree. */
export function claimCardTree({ siteName, address, title, answer, ratings }: CardInput): CardNode {
  const [lead = "verdict"] = RATING_DIMENSION_ORDER;
  return frame(CARD_RATING_COLOURS[ratings[lead]], [
    siteLine(siteName, address),
    el("div", { display: "flex", flexDirection: "column", width: CARD_TEXT_WIDTH }, [
      el("div", { ...CARD_TEXT.title, width: CARD_TEXT_WIDTH, ...FIT }, shorten(title, TITLE_MAX)),
      el(
        "div",
        {
          ...CARD_TEXT.answer,
          color: "#3f3f46",
          marginTop: 20,
          width: CARD_TEXT_WIDTH,
          ...FIT,
        },
        shorten(answer, ANSWER_MAX),
      ),
    ]),
    el(
      "div",
      { display: "flex" },
      RATING_DIMENSION_ORDER.map((dimension) => ratingBlock(dimension, ratings[dimension])),
    ),
  ]);
}

/** What the site's card draws. */
export function siteCardTree({ siteName, address, summary, ratingsLine }: SiteCardInput): CardNode {
  return frame("#3f3f46", [
    el("div", { fontSize: 26, color: "#52525b" }, address),
    el("div", { display: "flex", flexDirection: "column", width: CARD_TEXT_WIDTH }, [
      el(
        "div",
        { fontSize: 72, fontWeight: 700, lineHeight: 1.1, width: CARD_TEXT_WIDTH },
        siteName,
      ),
      el(
        "div",
        { fontSize: 32, lineHeight: 1.35, color: "#3f3f46", marginTop: 24, width: CARD_TEXT_WIDTH },
        shorten(summary, 220),
      ),
    ]),
    el("div", { fontSize: 28, fontWeight: 700, color: "#52525b" }, ratingsLine),
  ]);
}

/** Draws one claim's card: what the worker pool runs (src/lib/social-card-pool.ts). */
export async function drawSocialCard(input: CardInput): Promise<Buffer> {
  return drawCard(claimCardTree(input));
}

/** The site's own card (/card.png), drawn when the design or the site's name or address changes. */
export async function renderSiteCard(input: SiteCardInput): Promise<Buffer> {
  return drawCard(siteCardTree(input));
}

async function drawCard(tree: CardNode): Promise<Buffer> {
  const svg = await satori(tree as Parameters<typeof satori>[0], {
    width: CARD.width,
    height: CARD.height,
    fonts: FONTS,
  });
  // The text is already paths (satori converts it), so resvg needs no fonts:
  // loading the machine's own would cost a third of its time, for nothing.
  const image = new Resvg(svg, {
    fitTo: { mode: "width", value: CARD.width },
    font: { loadSystemFonts: false },
  }).render();
  return encodePng(image.pixels, image.width, image.height);
}
