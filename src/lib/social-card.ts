/**
 * The social card for a claim: a 1200×630 PNG with the claim and its verdict,
 * drawn at build time (satori lays out, resvg rasterises). Fonts come from an
 * npm package so the build never fetches anything.
 *
 * This module is the card's design only. How cards are scheduled (a pool of
 * worker threads) and cached between builds is src/lib/social-card-pool.ts.
 * Node loads this module in those worker threads without Vite, so it imports
 * by file path with the `.ts` extension, not through the @/ alias.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { RATINGS, getRating, type RatingKey } from "../schemas/ratings.ts";
import { encodePng } from "./png.ts";

const require = createRequire(import.meta.url);
const font = (weight: 400 | 700) =>
  readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`));
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

export interface CardInput {
  siteName: string;
  title: string;
  claim: string;
  verdict: RatingKey;
}

type Node = { type: string; props: Record<string, unknown> & { children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({
  type,
  props: { style, children },
});

const shorten = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, text.lastIndexOf(" ", max - 1))}…`;

/** Draws one card: the whole design is this function. */
export async function drawSocialCard({
  siteName,
  title,
  claim,
  verdict,
}: CardInput): Promise<Buffer> {
  const rating = getRating(verdict);
  const colour = CARD_RATING_COLOURS[verdict];
  // Satori needs definite widths to wrap text: the card is 1200 wide, less
  // the 24px rating stripe and 64px padding on each side.
  const textWidth = 1200 - 24 - 2 * 64;
  const tree = el(
    "div",
    { width: 1200, height: 630, display: "flex", backgroundColor: "#ffffff" },
    [
      el("div", { width: 24, height: 630, backgroundColor: colour }),
      el(
        "div",
        {
          // Satori sizes the content box, so padding is added outside these.
          width: textWidth,
          height: 630 - 2 * 48,
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "48px 64px",
          fontFamily: "Inter",
          color: "#18181b",
        },
        [
          el("div", { fontSize: 28, fontWeight: 700, color: "#52525b" }, siteName),
          el("div", { display: "flex", flexDirection: "column", width: textWidth }, [
            el(
              "div",
              { fontSize: 50, fontWeight: 700, lineHeight: 1.15, width: textWidth },
              shorten(title, 90),
            ),
            el(
              "div",
              { fontSize: 28, lineHeight: 1.35, color: "#3f3f46", marginTop: 24, width: textWidth },
              `“${shorten(claim, 150)}”`,
            ),
          ]),
          el("div", { display: "flex", alignItems: "center", fontSize: 34, fontWeight: 700 }, [
            el("div", { color: "#52525b", marginRight: 16 }, "Verdict:"),
            el(
              "div",
              {
                color: colour,
                border: `4px solid ${colour}`,
                borderRadius: 999,
                padding: "4px 24px",
              },
              `${rating.symbol} ${rating.label}`,
            ),
          ]),
        ],
      ),
    ],
  );
  const svg = await satori(tree as Parameters<typeof satori>[0], {
    width: 1200,
    height: 630,
    fonts: FONTS,
  });
  const image = new Resvg(svg, { fitTo: { mode: "width", value: 1200 } }).render();
  return encodePng(image.pixels, image.width, image.height);
}
