import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect, test } from "@playwright/test";
import { getRating, type RatingKey } from "../../src/schemas/ratings";
import { claimReviewProblems } from "../support/claim-review";
import { CLAIMS } from "./content";

/** Every JSON-LD block in the raw HTML, as served (not the rendered DOM). */
function jsonLdBlocks(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1] ?? "") as Record<string, unknown>,
  );
}

test.describe("machine readers", () => {
  for (const claim of CLAIMS) {
    test(`find the right structured data on “${claim.id}”`, async ({ request }) => {
      const html = await (await request.get(`/claims/${claim.id}/`)).text();
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
        claimReviewed: claim.claim,
        datePublished: claim.published,
        url: expect.stringMatching(new RegExp(`/claims/${claim.id}/$`)),
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

  test("find the organisation and the website on the home page", async ({ request }) => {
    const types = jsonLdBlocks(await (await request.get("/")).text()).map(
      (block) => block["@type"],
    );
    expect(types).toEqual(expect.arrayContaining(["Organization", "WebSite"]));
  });

  test("get a dataset that matches its schema and the published pages", async ({ request }) => {
    const dataset = (await (await request.get("/claims.json")).json()) as {
      claims: { id: string }[];
    };
    const schema = (await (await request.get("/claims.schema.json")).json()) as Record<
      string,
      unknown
    >;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(dataset), JSON.stringify(validate.errors)).toBe(true);
    expect(dataset.claims.map(({ id }) => id)).toEqual(CLAIMS.map(({ id }) => id));
    const csv = await (await request.get("/claims.csv")).text();
    expect(csv.trim().split("\r\n")).toHaveLength(CLAIMS.length + 1);
  });

  test("get feeds that link every claim", async ({ request }) => {
    const rss = await (await request.get("/rss.xml")).text();
    const feed = (await (await request.get("/feed.json")).json()) as { items: { url: string }[] };
    for (const claim of CLAIMS) {
      expect(rss).toContain(`/claims/${claim.id}/</link>`);
      expect(feed.items.some(({ url }) => url.endsWith(`/claims/${claim.id}/`))).toBe(true);
    }
    expect(await (await request.get("/corrections.xml")).text()).toContain("<rss");
    expect((await request.get("/corrections.json")).ok()).toBe(true);
  });
});
