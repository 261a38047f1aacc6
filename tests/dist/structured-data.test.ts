/**
 * What machines read from the built files: JSON-LD in the raw HTML, the
 * dataset and its schema, the feeds. No browser is needed, so this is a dist
 * test (the e2e suite is for what happens in a browser).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, test } from "vitest";
import { getRating, type RatingKey } from "@/schemas/ratings";
import { claimReviewProblems } from "../support/claim-review";
import { CLAIMS } from "../support/published-claims";
import { BASE, DIST } from "./site";

/** A built file's text, by its path under the site's base. */
const read = (path: string) => readFileSync(join(DIST, path), "utf8");

/** Every JSON-LD block in the raw HTML, as served (not the rendered DOM). */
function jsonLdBlocks(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1] ?? "") as Record<string, unknown>,
  );
}

describe("machine readers", () => {
  for (const claim of CLAIMS) {
    test(`find the right structured data on “${claim.id}”`, () => {
      const html = read(`claims/${claim.id}/index.html`);
      const blocks = jsonLdBlocks(html);
      const reviews = blocks.filter((block) => block["@type"] === "ClaimReview");
      expect(blocks.filter((block) => block["@type"] === "BreadcrumbList")).toHaveLength(1);
      if (claim.verdictKey === "not-rated") {
        expect(reviews).toHaveLength(0);
        return;
      }
      expect(reviews).toHaveLength(1);
      const [review] = reviews;
      expect(claimReviewProblems(review)).toEqual([]);
      expect(review).toMatchObject({
        claimReviewed: claim.claimReviewed,
        datePublished: claim.published,
        url: expect.stringMatching(new RegExp(`${BASE}claims/${claim.id}/$`)),
        reviewRating: { alternateName: claim.verdict },
      });
      const value = getRating(claim.verdictKey as RatingKey).value;
      if (value === null) expect(review?.["reviewRating"]).not.toHaveProperty("ratingValue");
      else
        expect(review?.["reviewRating"]).toMatchObject({
          ratingValue: value,
          bestRating: 5,
          worstRating: 1,
        });
    });
  }

  test("find the organisation and the website on the home page", () => {
    const types = jsonLdBlocks(read("index.html")).map((block) => block["@type"]);
    expect(types).toEqual(expect.arrayContaining(["Organization", "WebSite"]));
  });

  test("get a dataset that matches its schema and the published pages", () => {
    const dataset = JSON.parse(read("claims.json")) as { claims: { id: string }[] };
    const schema = JSON.parse(read("claims.schema.json")) as Record<string, unknown>;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(dataset), JSON.stringify(validate.errors)).toBe(true);
    expect(dataset.claims.map(({ id }) => id)).toEqual(CLAIMS.map(({ id }) => id));
    const csv = read("claims.csv");
    expect(csv.trim().split("\r\n")).toHaveLength(CLAIMS.length + 1);
  });

  test("get feeds that link every claim", () => {
    const rss = read("rss.xml");
    const feed = JSON.parse(read("feed.json")) as { items: { url: string }[] };
    for (const claim of CLAIMS) {
      expect(rss).toContain(`/claims/${claim.id}/</link>`);
      expect(feed.items.some(({ url }) => url.endsWith(`/claims/${claim.id}/`))).toBe(true);
    }
    expect(read("corrections.xml")).toContain("<rss");
    expect(JSON.parse(read("corrections.json"))).toHaveProperty("items");
  });
});
