/**
 * What the search index stores beside a page's text (Pagefind metadata), so a
 * result can show it. Names are generic (`ratings`), so other fields can join
 * them without the search page changing its shape.
 */
import type { Claim } from "@/lib/claims";
import { RATING_DIMENSIONS, getRating, type RatingDimension } from "@/schemas/ratings";

/** A claim's two ratings in the order the site shows them, e.g. "Reporting: Accurate · Verdict: Unproven". */
export function ratingsSummary(claim: Claim["data"]): string {
  return (Object.keys(RATING_DIMENSIONS) as RatingDimension[])
    .map(
      (dimension) => `${RATING_DIMENSIONS[dimension].label}: ${getRating(claim[dimension]).label}`,
    )
    .join(" · ");
}
