declare namespace App {
  interface Locals {
    /** Set by a claim page so its `<Cite>` markers can label themselves. */
    citedPassages?: ReadonlyMap<string, import("@/lib/claim-page").CitedPassage>;
    /** The claim's two ratings, for <RatingLabel /> in its text. */
    claimRatings?: Readonly<
      Record<import("@/schemas/ratings").RatingDimension, import("@/schemas/ratings").RatingKey>
    >;
    /** How many markers of each citation the page has drawn so far (each marker's own anchor). */
    citationsSeen?: Map<string, number>;
  }
}
