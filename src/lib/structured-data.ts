/**
 * JSON-LD builders, typed with schema-dts. Plain functions of the content so
 * tests can check every property against the data that produced it.
 */
import type {
  BreadcrumbList,
  Claim as SchemaClaim,
  ClaimReview,
  CreativeWork,
  Organization,
  Person,
  WebSite,
  WithContext,
} from "schema-dts";
import type { CollectionEntry } from "astro:content";
import { isoDay } from "@/lib/dates";
import {
  BEST_RATING_VALUE,
  RATING_DIMENSIONS,
  WORST_RATING_VALUE,
  getRating,
} from "@/schemas/ratings";

/**
 * Which of a claim's two ratings its ClaimReview carries. The verdict answers
 * the question aggregators ask ("is this claim true?"); the reporting rating
 * is about the story's handling and stays on the page.
 */
export const CLAIM_REVIEW_DIMENSION = "verdict" as const;

export interface Publisher {
  name: string;
  /** Absolute URL of the site's home page. */
  url: string;
}

export interface StoryReference {
  title: string;
  url: string;
  date: string;
  publisher: string;
}

export interface ClaimReviewInput {
  claim: CollectionEntry<"claims">["data"];
  claimant: CollectionEntry<"claimants">["data"];
  /** The source the claim first appeared in, when it is not the story. */
  firstAppearance?: CollectionEntry<"sources">["data"] | undefined;
  /** Absolute canonical URL of the claim page. */
  url: string;
  publisher: Publisher;
  story: StoryReference;
}

function claimantNode(claimant: ClaimReviewInput["claimant"]): Organization | Person {
  const base = { name: claimant.name, ...(claimant.url ? { url: claimant.url } : {}) };
  return claimant.kind === "Person"
    ? { "@type": "Person", ...base }
    : { "@type": "Organization", ...base };
}

function storyWork(story: StoryReference): CreativeWork {
  return {
    "@type": "NewsArticle",
    headline: story.title,
    url: story.url,
    datePublished: story.date,
    publisher: { "@type": "Organization", name: story.publisher },
  };
}

function sourceWork(source: NonNullable<ClaimReviewInput["firstAppearance"]>): CreativeWork {
  return {
    "@type": "CreativeWork",
    headline: source.title,
    url: source.url,
    datePublished: isoDay(source.date),
    publisher: { "@type": "Organization", name: source.publisher },
  };
}

/** The page's ClaimReview, or `null` for opinion, which gets none. */
export function buildClaimReview(input: ClaimReviewInput): WithContext<ClaimReview> | null {
  const { claim, claimant, firstAppearance, url, publisher, story } = input;
  const rating = getRating(claim[CLAIM_REVIEW_DIMENSION]);
  if (rating.key === "not-rated") return null;
  const { label, question } = RATING_DIMENSIONS[CLAIM_REVIEW_DIMENSION];
  const first = firstAppearance ? sourceWork(firstAppearance) : storyWork(story);
  const itemReviewed: SchemaClaim = {
    "@type": "Claim",
    author: claimantNode(claimant),
    datePublished: firstAppearance ? isoDay(firstAppearance.date) : story.date,
    appearance: storyWork(story),
    firstAppearance: first,
  };
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url,
    // The verdict rates the proposition when the story only reported it.
    claimReviewed: claim.proposition ?? claim.claim,
    author: { "@type": "Organization", name: publisher.name, url: publisher.url },
    datePublished: isoDay(claim.published),
    dateModified: isoDay(claim.updated),
    itemReviewed,
    reviewRating: {
      "@type": "Rating",
      alternateName: rating.label,
      reviewAspect: `${label} ${question}`,
      // Unproven is not a point on the true-to-false scale, so it carries
      // only its name, as ClaimReview allows.
      ...(rating.value === null
        ? {}
        : {
            ratingValue: rating.value,
            bestRating: BEST_RATING_VALUE,
            worstRating: WORST_RATING_VALUE,
          }),
    },
  };
}

export function buildBreadcrumbs(
  items: readonly { name: string; url: string }[],
): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map(({ name, url }, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name,
      item: url,
    })),
  };
}

export function buildOrganization(
  publisher: Publisher,
  description: string,
): WithContext<Organization> {
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    name: publisher.name,
    url: publisher.url,
    description,
  };
}

export function buildWebSite(
  publisher: Publisher,
  description: string,
  lang: string,
): WithContext<WebSite> {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: publisher.name,
    url: publisher.url,
    description,
    inLanguage: lang,
    publisher: { "@type": "Organization", name: publisher.name, url: publisher.url },
  };
}
