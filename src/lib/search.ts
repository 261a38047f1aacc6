/**
 * What the search index stores beside a page's text (Pagefind metadata), so a
 * result can show it. Names are generic (`ratings`), so other fields can join
 * them without the search page changing its shape.
 */
import type { Claim } from "@/lib/claims";
import { RATING_DIMENSION_ORDER, ratingPhrase } from "@/schemas/ratings";

/** A claim's two ratings in the order the site shows them, e.g. "Is it true? Unproven · How Engadget reported it: Accurate". */
export function ratingsSummary(claim: Claim["data"]): string {
  return RATING_DIMENSION_ORDER.map((dimension) => ratingPhrase(dimension, claim[dimension])).join(
    " · ",
  );
}
