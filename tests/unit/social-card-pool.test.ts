import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, relative, sep } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { drawSocialCard, type CardInput } from "@/lib/social-card";
import {
  CARD_CACHE_DIR,
  cardCachePath,
  designFiles,
  prepareSocialCards,
  renderSocialCard,
} from "@/lib/social-card-pool";

/** Inputs no earlier run has drawn, so nothing comes from the cache by chance. */
const freshInput = (index = 0): CardInput => ({
  siteName: "DJI Claims Check",
  address: "factcheck.example.org",
  title: `Test card ${index} ${randomUUID()}`,
  answer: "Unproven: no public evidence shows it; the story quoted the memo accurately.",
  ratings: { verdict: "unproven", reporting: "accurate" },
});

describe("the social-card cache", () => {
  const written: string[] = [];
  afterEach(() => {
    for (const path of written.splice(0)) rmSync(path, { force: true });
  });

  test("names a card's file by its input, so a changed claim gets a new card", () => {
    const input = freshInput();
    expect(cardCachePath({ ...input })).toBe(cardCachePath(input));
    const rerated = { ...input, ratings: { ...input.ratings, verdict: "mixed" as const } };
    expect(cardCachePath(rerated)).not.toBe(cardCachePath(input));
    expect(dirname(cardCachePath(input))).toBe(CARD_CACHE_DIR);
  });

  test("keys cards on every file of the design, the ones the drawing imports too", () => {
    const files = designFiles().map((file) => relative(process.cwd(), file).split(sep).join("/"));
    expect(files).toEqual(
      expect.arrayContaining([
        "src/lib/social-card.ts",
        "src/lib/png.ts",
        "src/schemas/ratings.ts",
      ]),
    );
  });

  test("serves a card it holds without drawing it again", async () => {
    const input = freshInput();
    const path = cardCachePath(input);
    mkdirSync(CARD_CACHE_DIR, { recursive: true });
    writeFileSync(path, "a card drawn by an earlier build");
    written.push(path);
    expect((await renderSocialCard(input)).toString()).toBe("a card drawn by an earlier build");
  });

  test("draws a build's cards in worker threads, byte for byte as the page would", async () => {
    // Enough cards for the pool to start (fewer are drawn by the pages themselves).
    const inputs = Array.from({ length: 32 }, (_, index) => freshInput(index));
    written.push(...inputs.map(cardCachePath));
    prepareSocialCards(inputs);
    // Nothing asks for the cards: they appear in the cache all the same.
    await expect
      .poll(() => inputs.filter((input) => existsSync(cardCachePath(input))).length, {
        timeout: 100_000,
        interval: 100,
      })
      .toBe(inputs.length);
    const png = await renderSocialCard(inputs[7]!);
    expect(png.equals(readFileSync(cardCachePath(inputs[7]!)))).toBe(true);
    expect(png.equals(await drawSocialCard(inputs[7]!))).toBe(true);
  }, 120_000);
});
