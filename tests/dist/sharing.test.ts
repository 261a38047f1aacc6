/**
 * What a link preview and a search result show: every page's card and its
 * description for people who cannot see it, and the one-line answer each
 * claim page gives search.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { CLAIMS } from "../support/published-claims";
import { BASE, DIST, builtPages } from "./site";

const pages = builtPages();
const meta = (page: (typeof pages)[number], property: string) =>
  page.$(`meta[property="${property}"]`).attr("content");

/** A PNG's width and height, from its header. */
function pngSize(file: string): [number, number] {
  const png = readFileSync(file);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe("link previews", () => {
  test("every page has a card and says what the card shows (og:image:alt)", () => {
    const missing = pages.flatMap((page) => {
      const image = meta(page, "og:image");
      const alt = meta(page, "og:image:alt");
      return image && alt && alt.length > 20 ? [] : [`${page.source}: ${page.url}`];
    });
    expect(missing).toEqual([]);
  });

  test("the home page has its own card, a 1200×630 image in the build", () => {
    const home = pages.find((page) => page.url === BASE)!;
    const image = new URL(meta(home, "og:image") ?? "");
    expect(image.pathname).toBe(`${BASE}card.png`);
    expect(image.searchParams.get("v")).toMatch(/^[0-9a-f]{12}$/);
    expect(pngSize(join(DIST, "card.png"))).toEqual([1200, 630]);
  });

  test("the cards folder holds one card per published claim, and nothing else", () => {
    // The build writes these itself once Astro is done (src/integrations/social-cards/).
    expect(readdirSync(join(DIST, "cards")).sort()).toEqual(
      CLAIMS.map((claim) => `${claim.id}.png`).sort(),
    );
  });

  for (const claim of CLAIMS) {
    test(`“${claim.id}” shares its own card, described with its answer and both ratings`, () => {
      const page = pages.find((built) => built.url === `${BASE}claims/${claim.id}/`)!;
      const card = new URL(meta(page, "og:image") ?? "");
      expect(card.pathname).toBe(`${BASE}cards/${claim.id}.png`);
      // What the card says is fingerprinted into its address (cardAddress).
      expect(card.searchParams.get("v")).toMatch(/^[0-9a-f]{12}$/);
      expect(pngSize(join(DIST, "cards", `${claim.id}.png`))).toEqual([1200, 630]);
      expect(meta(page, "og:image:alt")).toBe(
        `Social card: ${claim.title}. ${claim.answer} ${claim.verdictName}. ${claim.reportingName}.`,
      );
    });
  }
});

describe("search", () => {
  test.each(CLAIMS.map((claim) => [claim.id, claim] as const))(
    "“%s” gives search its one-line answer to show with the result",
    (id, claim) => {
      const page = pages.find((built) => built.url === `${BASE}claims/${id}/`)!;
      const answer = page.$('[data-pagefind-body] [data-pagefind-meta="answer"]');
      expect(answer.text()).toBe(claim.answer);
    },
  );
});

describe("the sources of a claim page", () => {
  test.each(CLAIMS.map((claim) => [claim.id] as const))(
    "“%s” lists each source once, numbered in the order the text first cites it",
    (id) => {
      const page = pages.find((built) => built.url === `${BASE}claims/${id}/`)!;
      const items = page.$('section[aria-labelledby="sources-heading"] > ol > li').toArray();
      const titles = items.map((item) => page.$(item).find("a").first().attr("href"));
      expect(new Set(titles).size, "a source is listed twice").toBe(items.length);
      expect(items.map((item) => page.$(item).attr("id"))).toEqual(
        items.map((_, index) => `source-${index + 1}`),
      );
      // The markers in reading order: source numbers first appear as 1, 2, 3...
      const numbers = page
        .$('article sup a[href^="#source-"]')
        .toArray()
        .map((marker) => Number(/^#source-(\d+)/.exec(page.$(marker).attr("href") ?? "")?.[1]));
      expect([...new Set(numbers)]).toEqual(items.map((_, index) => index + 1));
      // A source cited for several passages letters them a, b, c in reading order.
      for (const item of items) {
        const letters = page
          .$(item)
          .find('[id^="source-"]')
          .toArray()
          .map((passage) => /[a-z]+$/.exec(page.$(passage).attr("id") ?? "")?.[0]);
        expect(letters).toEqual(letters.map((_, index) => "abcdefghijklmnopqrstuvwxyz"[index]));
      }
    },
  );
});
