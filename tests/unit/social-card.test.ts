import type { CollectionEntry } from "astro:content";
import { describe, expect, test } from "vitest";
import { claimCardAlt, claimCardInput, siteCardAlt, siteCardInput } from "@/lib/card-content";
import { loadContent } from "@/content-check/load";
import { SCHEMAS } from "@/content-check/validate";
import { undrawableCharacters } from "@/content-check/card-text";
import { RATING_SYMBOL_PATHS, claimCardTree, siteCardTree, type CardNode } from "@/lib/social-card";
import { RATING_DIMENSIONS, RATING_KEYS } from "@/schemas/ratings";
import { SITE } from "@/site.config";

const site = new URL("https://factcheck.example.org/");

/** The site's real claims, as the claim route gets them. */
const claims = loadContent(process.cwd())
  .files.filter((file) => file.collection === "claims")
  .map(
    (file) =>
      ({
        id: file.id,
        data: SCHEMAS.claims.parse(file.data),
      }) as unknown as CollectionEntry<"claims">,
  );

/** Every piece of text a card draws: the string children of its element tree. */
function drawnText(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(drawnText);
  if (node && typeof node === "object" && "props" in node)
    return drawnText((node as CardNode).props.children);
  return [];
}

/** Characters in `texts` that some card font cannot draw (the content check's own test). */
const missingGlyphs = (texts: readonly string[]): string[] => undrawableCharacters(texts.join(""));

describe("social cards", () => {
  test("the glyph check finds a character the card font lacks", () => {
    expect(missingGlyphs(["✓ Accurate", "≈ Mostly accurate"])).toEqual(["✓", "≈"]);
  });

  test.each(claims.map((claim) => [claim.id, claim] as const))(
    "the card for “%s” draws only characters its font has",
    (_, claim) => {
      expect(missingGlyphs(drawnText(claimCardTree(claimCardInput(claim, site))))).toEqual([]);
    },
  );

  test("the site's card draws only characters its font has", () => {
    expect(missingGlyphs(drawnText(siteCardTree(siteCardInput(site))))).toEqual([]);
  });

  test.each([...RATING_KEYS])(
    "a card rated %s draws its symbol as a shape and names both ratings",
    (key) => {
      const input = {
        ...claimCardInput(claims[0]!, site),
        ratings: { verdict: key, reporting: key },
      };
      const text = drawnText(claimCardTree(input));
      expect(missingGlyphs(text)).toEqual([]);
      expect(JSON.stringify(claimCardTree(input))).toContain(RATING_SYMBOL_PATHS[key]);
      const labels = text.filter((line) =>
        Object.values(RATING_DIMENSIONS).some(({ label }) => label === line),
      );
      expect(labels).toEqual([RATING_DIMENSIONS.verdict.label, RATING_DIMENSIONS.reporting.label]);
    },
  );

  test("a claim's card shows its answer and the site's address, and says so in its alt text", () => {
    const claim = claims.find(({ id }) => id === "headline-dhs-spying")!;
    const input = claimCardInput(claim, site);
    const text = drawnText(claimCardTree(input));
    expect(text).toContain(claim.data.answer);
    expect(text).toContain("factcheck.example.org");
    expect(claimCardAlt(input)).toBe(
      `Social card: ${claim.data.title}. ${claim.data.answer} Is it true? Unproven. How Engadget reported it: Mixed.`,
    );
    expect(siteCardAlt(siteCardInput(site))).toContain(SITE.description);
  });

  test("a long unbroken word is cut, not dropped, and the text blocks keep to their lines", () => {
    const input = {
      ...claimCardInput(claims[0]!, site),
      title: `ICE memo: ${"A".repeat(190)}`,
      answer: `Unproven: ${"W".repeat(145)}`,
    };
    const tree = claimCardTree(input);
    const [title] = drawnText(tree).filter((text) => text.startsWith("ICE memo: "));
    expect(title).toBe(`ICE memo: ${"A".repeat(99)}…`);
    const blocks = JSON.stringify(tree).match(/"lineClamp":3/g) ?? [];
    expect(blocks).toHaveLength(2);
    expect(JSON.stringify(tree)).toContain('"overflowWrap":"break-word"');
  });
});
