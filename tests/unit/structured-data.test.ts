import { describe, expect, test } from "vitest";
import { getRating } from "@/schemas/ratings";
import { CLAIM_REVIEW_DIMENSION, buildBreadcrumbs, buildClaimReview } from "@/lib/structured-data";
import { claimReviewProblems } from "../support/claim-review";
import { fixtureEntries } from "./entries";

const { claims, claimants, sources } = fixtureEntries();
const claim = claims[0]!;
const claimant = claimants[0]!;
const story = {
  title: "A fixture story",
  url: "https://newspaper.test/story",
  date: "2017-11-30",
  publisher: "Example Newspaper",
};
const input = {
  claim: claim.data,
  claimant: claimant.data,
  url: "https://site.test/claims/fixture-claim/",
  publisher: { name: "Fixture Check", url: "https://site.test/" },
  story,
};

describe("the ClaimReview builder", () => {
  test("rates the proposition, not the story's report of it, when the claim has one", () => {
    const proposition = "DJI passes US data to the Chinese government.";
    const review = buildClaimReview({ ...input, claim: { ...claim.data, proposition } });
    expect(review?.claimReviewed).toBe(proposition);
  });

  test("builds a complete ClaimReview carrying the verdict", () => {
    const review = buildClaimReview({
      ...input,
      claim: { ...claim.data, verdict: "mostly-accurate" },
    });
    expect(claimReviewProblems(review)).toEqual([]);
    expect(CLAIM_REVIEW_DIMENSION).toBe("verdict");
    expect(review).toMatchObject({
      url: input.url,
      claimReviewed: claim.data.claim,
      datePublished: "2026-11-20",
      author: { "@type": "Organization", name: "Fixture Check" },
      reviewRating: {
        alternateName: "Mostly accurate",
        ratingValue: getRating("mostly-accurate").value,
        bestRating: 5,
        worstRating: 1,
      },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization", name: claimant.data.name },
        appearance: { url: story.url },
        firstAppearance: { url: story.url },
        datePublished: story.date,
      },
    });
  });

  test("points firstAppearance at the source the claim first appeared in", () => {
    const report = sources.find((source) => source.id === "agency-report")!;
    const review = buildClaimReview({ ...input, firstAppearance: report.data });
    expect(review).toMatchObject({
      itemReviewed: {
        datePublished: "2017-08-09",
        firstAppearance: { url: report.data.url },
        appearance: { url: story.url },
      },
    });
  });

  test("gives an unproven claim its name but no number on the true-false scale", () => {
    const review = buildClaimReview({ ...input, claim: { ...claim.data, verdict: "unproven" } });
    expect(claimReviewProblems(review)).toEqual([]);
    expect(review?.reviewRating).toMatchObject({ alternateName: "Unproven" });
    expect(review?.reviewRating).not.toHaveProperty("ratingValue");
  });

  test("gives opinion no ClaimReview", () => {
    expect(
      buildClaimReview({ ...input, claim: { ...claim.data, verdict: "not-rated" } }),
    ).toBeNull();
  });

  test.each(["claimReviewed", "url", "reviewRating.alternateName", "itemReviewed.author.name"])(
    "is refused by the checker when %s is missing",
    (path) => {
      const review = structuredClone(buildClaimReview(input)) as unknown as Record<string, unknown>;
      const keys = path.split(".");
      const parent = keys
        .slice(0, -1)
        .reduce((node, key) => node[key] as Record<string, unknown>, review);
      delete parent[keys.at(-1)!];
      expect(claimReviewProblems(review)).toContain(`${path} is missing`);
    },
  );
});

test("breadcrumbs number their items from 1", () => {
  const crumbs = buildBreadcrumbs([
    { name: "Home", url: "https://site.test/" },
    { name: "Claim", url: "https://site.test/claims/x/" },
  ]);
  expect(crumbs.itemListElement).toEqual([
    { "@type": "ListItem", position: 1, name: "Home", item: "https://site.test/" },
    { "@type": "ListItem", position: 2, name: "Claim", item: "https://site.test/claims/x/" },
  ]);
});
