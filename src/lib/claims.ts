/**
 * Queries over the claims collection. Every page gets claims through these
 * functions, so drafts are filtered in exactly one place.
 */
import { getCollection, getEntries, getEntry, type CollectionEntry } from "astro:content";
import { RATINGS, type Rating, type RatingDimension } from "@/schemas/ratings";

export type Claim = CollectionEntry<"claims">;
export type Source = CollectionEntry<"sources">;

/** Published claims (no drafts) in the story's reading order. */
export async function getPublishedClaims(): Promise<Claim[]> {
  const claims = await getCollection("claims", ({ data }) => !data.draft);
  return claims.sort((a, b) => a.data.appearance.order - b.data.appearance.order);
}

export interface ResolvedCitation {
  /** 1-based number shown in the text and the source list. */
  readonly number: number;
  readonly id: string;
  readonly passage: string;
  readonly locator: string | undefined;
  readonly source: Source;
}

/** A claim's citations with their sources loaded, numbered in frontmatter order. */
export async function getCitations(claim: Claim): Promise<ResolvedCitation[]> {
  const sources = await getEntries(claim.data.citations.map((citation) => citation.source));
  return claim.data.citations.map((citation, index) => {
    const source = sources[index];
    // The content check fails the build before this can happen; this guards the types.
    if (!source) throw new Error(`${claim.id}: unknown source ${citation.source.id}`);
    return {
      number: index + 1,
      id: citation.id,
      passage: citation.passage,
      locator: citation.locator,
      source,
    };
  });
}

export async function getClaimant(claim: Claim): Promise<CollectionEntry<"claimants">> {
  const claimant = await getEntry(claim.data.claimant);
  if (!claimant) throw new Error(`${claim.id}: unknown claimant ${claim.data.claimant.id}`);
  return claimant;
}

/** How many of the claims got each rating on one dimension, in scale order. */
export function countRatings(
  claims: readonly Claim[],
  dimension: RatingDimension,
): { rating: Rating; count: number }[] {
  return RATINGS.map((rating) => ({
    rating,
    count: claims.filter((claim) => claim.data[dimension] === rating.key).length,
  }));
}

export interface CorrectionLogEntry {
  readonly claim: Claim;
  readonly date: Date;
  readonly kind: "correction" | "update";
  readonly text: string;
}

/** Every correction and update on the site, newest first. */
export function getCorrectionLog(claims: readonly Claim[]): CorrectionLogEntry[] {
  return claims
    .flatMap((claim) => claim.data.corrections.map((correction) => ({ claim, ...correction })))
    .sort((a, b) => b.date.getTime() - a.date.getTime());
}

/** For each source id, the published claims that cite it, in story order. */
export function claimsBySource(claims: readonly Claim[]): Map<string, Claim[]> {
  const index = new Map<string, Claim[]>();
  for (const claim of claims) {
    for (const id of new Set(claim.data.citations.map((citation) => citation.source.id))) {
      const citing = index.get(id);
      if (citing) citing.push(claim);
      else index.set(id, [claim]);
    }
  }
  return index;
}

/** The source the claim first appeared in, when that is not the story. */
export async function getFirstAppearance(claim: Claim): Promise<Source | undefined> {
  if (!claim.data.firstAppearance) return undefined;
  const source = await getEntry(claim.data.firstAppearance);
  if (!source) throw new Error(`${claim.id}: unknown source ${claim.data.firstAppearance.id}`);
  return source;
}

/** Every published claim with what the data export needs, in story order. */
export async function getClaimsWithSources() {
  const claims = await getPublishedClaims();
  return Promise.all(
    claims.map(async (claim) => ({
      claim,
      claimant: await getClaimant(claim),
      citations: await getCitations(claim),
    })),
  );
}
