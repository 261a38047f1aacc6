/**
 * The content check's count of a title's or answer's lines on the social card
 * (cardLines), against satori's own layout of the same text in the same box:
 * the check must never pass a text the card would cut off.
 */
import satori from "satori";
import { describe, expect, test } from "vitest";
import { cardLines } from "@/content-check/card-text";
import { loadContent } from "@/content-check/load";
import { CARD_TEXT, CARD_TEXT_LINES, CARD_TEXT_WIDTH } from "@/lib/card-fonts";
import { FONTS } from "@/lib/social-card";

type Field = keyof typeof CARD_TEXT;

/**
 * The lines satori sets `text` in, in the card's box for `field`, nothing cut:
 * unembedded, it writes each word as text at its line's height.
 */
async function satoriLines(text: string, field: Field): Promise<number> {
  const box = {
    type: "div",
    props: {
      style: {
        ...CARD_TEXT[field],
        display: "flex",
        width: CARD_TEXT_WIDTH,
        overflowWrap: "break-word",
        fontFamily: "Inter",
      },
      children: text,
    },
  };
  const svg = await satori(box as never, {
    width: CARD_TEXT_WIDTH,
    height: 2000,
    fonts: FONTS as never,
    embedFont: false,
  });
  return new Set([...svg.matchAll(/<text[^>]* y="([\d.]+)"/g)].map((match) => match[1])).size;
}

/** Words of 1 to 14 letters from a fixed seed, some capitals and digits, as prose has. */
function prose(seed: number, length: number): string {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const letters = "etaoinshrdlucmfwypvbgkqjxzETAOINWM0123456789";
  const words: string[] = [];
  while (words.join(" ").length < length) {
    const size = 1 + Math.floor(next() * 14);
    words.push(
      Array.from({ length: size }, () => letters[Math.floor(next() * letters.length)]).join(""),
    );
  }
  return words.join(" ").slice(0, length).trim();
}

const realTexts = loadContent(process.cwd())
  .files.filter((file) => file.collection === "claims")
  .flatMap((file) => {
    const data = file.data as Record<Field, string>;
    return (["title", "answer"] as const).map((field) => [field, data[field]] as const);
  });

// Prose from two to five lines long, then words wider than a line (what the
// hostile trial sent: the card cuts these, as a look at it shows).
const generated: [Field, string][] = Array.from({ length: 60 }, (_, index) => {
  const field: Field = index % 2 === 0 ? "title" : "answer";
  const length = field === "title" ? 70 + index * 1.5 : 110 + index * 2;
  return [field, prose(index + 1, Math.round(length))];
});
// No-break spaces (U+00A0) join words into groups the card cannot break.
const joined =
  "Engadget: ICE says DJI drones spy on the US for China; but no audit found any of it, SO THE CLAIM IS FALSE".replace(
    /(ICE|says|DJI|spy|on|the|US|for|no|audit|found|any|of|SO|THE|CLAIM|IS) /g,
    "$1\u00a0",
  );
const overlong: [Field, string][] = [
  ["title", joined],
  ["answer", `True: ${"W".repeat(110)}; but none of it is so`],
  ["title", `Engadget: ${"W".repeat(60)} ${"M".repeat(30)}`],
];

describe("the card-line count of the content check", () => {
  test("counts the lines the card sets prose in, or one more, never fewer", async () => {
    const wrong: string[] = [];
    let over = 0;
    for (const [field, text] of [...realTexts, ...generated, ["title", joined] as const]) {
      const counted = cardLines(text, field);
      const set = await satoriLines(text, field);
      if (counted < set || counted > set + 1)
        wrong.push(`${field} (${counted} for ${set}): ${text}`);
      if (counted > set) over++;
    }
    expect(wrong).toEqual([]);
    // Erring long could refuse a text the card would just fit: rarely.
    expect(over).toBeLessThan(6);
  });

  test("passes every title and answer of this site", () => {
    const over = realTexts.filter(([field, text]) => cardLines(text, field) > CARD_TEXT_LINES);
    expect(over).toEqual([]);
  });

  test.each(overlong)("refuses a %s that the card cannot fit in its lines", (field, text) => {
    expect(cardLines(text, field)).toBeGreaterThan(CARD_TEXT_LINES);
  });
});
