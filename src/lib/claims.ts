/**
 * Queries over the claims collection. Every page gets claims through these
 * functions, so drafts are filtered in exactly one place: a build never has
 * them; the dev server shows them, marked as drafts, so editors can preview.
 */
import { getCollection, getEntries, getEntry, type CollectionEntry } from "astro:content";
import { assembleClaimPage, claimFilePath, type ClaimPageData } from "@/lib/claim-page";
import { lastChanged } from "@/lib/history";
import { SITE } from "@/site.config";
import type { CorrectionKind } from "@/schemas";
import { RATINGS, type Rating, type RatingDimension } from "@/schemas/ratings";

export type Claim = CollectionEntry<"claims">;
export type Source = CollectionEntry<"sources">;

/**
 * Whether a claim's check is shown: published and not withdrawn, or a draft
 * in the dev server. A withdrawn check's address shows only the notice of its
 * withdrawal (getWithdrawnClaims).
 */
const isShown = ({ data }: Claim): boolean =>
  !data.withdrawn && (!data.draft || import.meta.env.DEV);

/** Published claims (and, in the dev server, drafts) in the story's reading order. */
export async function getPublishedClaims(): Promise<Claim[]> {
  const claims = await getCollection("claims", isShown);
  return claims.sort((a, b) => a.data.appearance.order - b.data.appearance.order);
}

/** Withdrawn claims: each keeps its address, where a notice says why. */
export async function getWithdrawnClaims(): Promise<Claim[]> {
  return getCollection("claims", ({ data }) => data.withdrawn);
}

/** The claims whose corrections the log lists: the published and the withdrawn. */
export async function getLoggedClaims(): Promise<Claim[]> {
  const [published, withdrawn] = await Promise.all([getPublishedClaims(), getWithdrawnClaims()]);
  return [...published, ...withdrawn];
}

/** A published claim by id (a draft too, in the dev server), or undefined. */
export async function getPublishedClaim(id: string): Promise<Claim | undefined> {
  const claim = await getEntry("claims", id);
  return claim && isShown(claim) ? claim : undefined;
}

/** The sources with these ids, by id. */
export async function getSourcesById(ids: readonly string[]): Promise<Map<string, Source>> {
  const unique = [...new Set(ids)];
  const sources = await getEntries(unique.map((id) => ({ collection: "sources" as const, id })));
  return new Map(sources.map((source) => [source.id, source]));
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
  /** The entry's place in its claim's log, from 1: stable, since the log only grows. */
  readonly number: number;
  readonly date: Date;
  readonly kind: CorrectionKind;
  readonly text: string;
}

/** Every correction, update and withdrawal on the site, newest first. */
export function getCorrectionLog(claims: readonly Claim[]): CorrectionLogEntry[] {
  return claims
    .flatMap((claim) =>
      claim.data.corrections.map((correction, index) => ({
        claim,
        number: index + 1,
        ...correction,
      })),
    )
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

/** Everything a claim page shows (see claim-page.ts), fetched and assembled once. */
export async function buildClaimPage(claim: Claim, site: URL | undefined): Promise<ClaimPageData> {
  const [claimant, propositionBy, seeAlso, firstAppearance, sourcesById] = await Promise.all([
    getClaimant(claim),
    claim.data.propositionBy ? getEntry(claim.data.propositionBy) : undefined,
    claim.data.seeAlso ? getPublishedClaim(claim.data.seeAlso.claim.id) : undefined,
    getFirstAppearance(claim),
    getSourcesById(claim.data.citations.map((citation) => citation.source.id)),
  ]);
  return assembleClaimPage({
    claim,
    claimant,
    propositionBy,
    seeAlso,
    firstAppearance,
    sourcesById,
    site,
    lastChanged: lastChanged(claimFilePath(claim)),
    repository: SITE.repository,
    contact: SITE.contact,
  });
}

/** Every published claim's page data, in story order (the data export reads these). */
export async function getClaimPages(site: URL | undefined): Promise<ClaimPageData[]> {
  const claims = await getPublishedClaims();
  return Promise.all(claims.map((claim) => buildClaimPage(claim, site)));
}
