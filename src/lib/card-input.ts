/**
 * What a claim's social card shows, built from the claim's fields alone. The
 * claim route builds it from Astro's entry (src/lib/card-content.ts); the build
 * also builds it from the content check's reading of content/, to start
 * drawing cards before Astro has read content (src/integrations/social-cards/).
 * Node loads this module without Vite, so it imports by file path.
 */
import type { RatingDimension, RatingKey } from "../schemas/ratings.ts";

/** What a claim's card shows. */
export interface CardInput {
  siteName: string;
  /** The site's address as readers would type it, e.g. factcheck.example.org. */
  address: string;
  title: string;
  /** The claim's one-line answer. */
  answer: string;
  ratings: Record<RatingDimension, RatingKey>;
}

/** The claim fields a card shows. */
export interface CardFields {
  title: string;
  answer: string;
  verdict: RatingKey;
  reporting: RatingKey;
}

export function cardInputFrom(
  siteName: string,
  address: string,
  { title, answer, verdict, reporting }: CardFields,
): CardInput {
  return { siteName, address, title, answer, ratings: { verdict, reporting } };
}

/** The address of the site's home page as readers would type it: no scheme, no final slash. */
export function addressOf(home: string): string {
  return home.replace(/^https?:\/\//, "").replace(/\/$/, "");
}
