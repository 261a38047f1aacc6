/**
 * What a ClaimReview block must hold to be read by fact-check aggregators and
 * search engines: schema.org's ClaimReview plus Google's required and
 * recommended properties. Returns the missing or wrong properties.
 */
type Json = Record<string, unknown>;

const at = (value: unknown, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined),
      value,
    );

const REQUIRED = [
  "url",
  "claimReviewed",
  "author.name",
  "datePublished",
  "reviewRating.@type",
  "reviewRating.alternateName",
  "itemReviewed.@type",
  "itemReviewed.author.name",
  "itemReviewed.author.@type",
  "itemReviewed.datePublished",
  "itemReviewed.appearance.url",
  "itemReviewed.firstAppearance.url",
] as const;

export function claimReviewProblems(block: unknown): string[] {
  const problems: string[] = [];
  if (at(block, "@context") !== "https://schema.org")
    problems.push("@context must be https://schema.org");
  if (at(block, "@type") !== "ClaimReview") problems.push("@type must be ClaimReview");
  for (const path of REQUIRED) {
    const value = at(block, path);
    if (value === undefined || value === null || value === "") problems.push(`${path} is missing`);
  }
  const value = at(block, "reviewRating.ratingValue");
  if (value !== undefined) {
    const best = at(block, "reviewRating.bestRating");
    const worst = at(block, "reviewRating.worstRating");
    if (typeof best !== "number" || typeof worst !== "number" || typeof value !== "number") {
      problems.push("reviewRating needs numeric ratingValue, bestRating and worstRating together");
    } else if (value < worst || value > best) {
      problems.push("reviewRating.ratingValue is outside worstRating..bestRating");
    }
  }
  return problems;
}
