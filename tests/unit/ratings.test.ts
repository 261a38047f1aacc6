import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  RATINGS,
  RATING_DIMENSIONS,
  RATING_DIMENSION_ORDER,
  RATING_KEYS,
  ratingPhrase,
} from "@/schemas/ratings";
import { SITE } from "@/site.config";
import { CARD_RATING_COLOURS } from "@/lib/social-card";

const css = readFileSync(new URL("../../src/styles/global.css", import.meta.url), "utf8");
const theme = css.slice(css.indexOf("@theme"), css.indexOf("}", css.indexOf("@theme")));

describe("the rating scale", () => {
  test("has one entry per key, in order, with a label, definition and symbol", () => {
    expect(RATINGS.map(({ key }) => key)).toEqual([...RATING_KEYS]);
    for (const rating of RATINGS) {
      expect(rating.label).not.toBe("");
      expect(rating.definition).toMatch(/\.$/);
      expect(rating.symbol).not.toBe("");
    }
  });

  test("gives numeric values only to points on the true-false scale, best first", () => {
    const values = RATINGS.map(({ value }) => value).filter((value) => value !== null);
    expect(values).toEqual([5, 4, 3, 2, 1]);
  });

  test.each(RATINGS.map((rating) => [rating.key, rating] as const))(
    "%s has a colour token and a data-rating rule in global.css, and the same colour on social cards",
    (key, rating) => {
      const token = new RegExp(`--color-rating-${rating.colorToken}:\\s*(#[0-9a-f]{6});`);
      const light = token.exec(theme)?.[1];
      expect(light, `--color-rating-${rating.colorToken} in @theme`).toBeDefined();
      expect(css).toContain(`[data-rating="${key}"]`);
      expect(CARD_RATING_COLOURS[key]).toBe(light);
    },
  );
});

describe("the two ratings", () => {
  test("lead with whether the claim is true, then how the story reported it", () => {
    expect(RATING_DIMENSION_ORDER).toEqual(["verdict", "reporting"]);
    expect(RATING_DIMENSIONS.verdict.label).toBe("Is it true?");
    expect(RATING_DIMENSIONS.reporting.label).toBe(`How ${SITE.story.publisher} reported it`);
  });

  test("are named with their rating as one phrase wherever there is no badge", () => {
    expect(ratingPhrase("verdict", "unproven")).toBe("Is it true? Unproven");
    expect(ratingPhrase("reporting", "mixed")).toBe("How Engadget reported it: Mixed");
  });

  test("give every verdict plain words for the one-line answer to open with", () => {
    const openings = RATINGS.map(({ plainAnswer }) => plainAnswer);
    expect(new Set(openings).size).toBe(RATINGS.length);
    for (const opening of openings) expect(opening).toMatch(/^[A-Z][a-z ,]+$/);
  });
});
