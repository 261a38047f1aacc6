/**
 * What each social card says, and its alternative text: plain data built from
 * a claim or the site config, so pages can describe a card (og:image:alt)
 * without drawing it, and tests can check its words. social-card.ts draws it.
 */
import { createHash } from "node:crypto";
import type { Claim } from "@/lib/claims";
import { absolute } from "@/lib/site-urls";
import { file, path } from "@/lib/urls";
import { RATING_DIMENSIONS, RATING_DIMENSION_ORDER, ratingPhrase } from "@/schemas/ratings";
import { SITE } from "@/site.config";
import { addressOf, cardInputFrom, type CardInput } from "@/lib/card-input";
import { orderCards } from "@/lib/card-orders";

export type { CardInput };

/** What the site's own card (the home page, and pages without a card of their own) shows. */
export interface SiteCardInput {
  siteName: string;
  address: string;
  summary: string;
  /** The line that names the two ratings. */
  ratingsLine: string;
}

/** The site's address without its scheme or final slash: factcheck.example.org/dji-check. */
export function siteAddress(site: URL | undefined): string {
  return addressOf(absolute(site, path()));
}

export function claimCardInput(claim: Claim, site: URL | undefined): CardInput {
  return cardInputFrom(SITE.name, siteAddress(site), claim.data);
}

/**
 * The address pages give a card: its file, with a fingerprint of what the
 * card says (`?v=`). Social networks keep a link preview's image by its
 * address, so when a correction changes a claim's card (its verdict, say),
 * the address changes too and a preview fetched after the correction shows
 * the new card, not the old verdict.
 */
export function cardAddress(cardFile: string, shows: CardInput | SiteCardInput): string {
  const fingerprint = createHash("sha256").update(JSON.stringify(shows)).digest("hex");
  return `${file(cardFile)}?v=${fingerprint.slice(0, 12)}`;
}

/** Where a claim's card is in the built site, from its root (the base path not included). */
export function claimCardFile(claim: Claim): string {
  return `cards/${claim.id}.png`;
}

/**
 * Orders, for the build, the card each claim's page links to, from Astro's
 * own entries: a build writes them after Astro (src/integrations/social-cards/).
 */
export function orderClaimCards(claims: readonly Claim[], site: URL | undefined): void {
  orderCards(
    claims.map((claim) => [
      claimCardFile(claim),
      { input: claimCardInput(claim, site), from: claim.filePath ?? `the claim ${claim.id}` },
    ]),
  );
}

export function siteCardInput(site: URL | undefined): SiteCardInput {
  const labels = RATING_DIMENSION_ORDER.map(
    (dimension) => `“${RATING_DIMENSIONS[dimension].label}”`,
  );
  return {
    siteName: SITE.name,
    address: siteAddress(site),
    summary: SITE.description,
    ratingsLine: `Every claim rated twice: ${labels.join(" and ")}`,
  };
}

/** The alternative text of a claim's card: what it says, in the order it says it. */
export function claimCardAlt({ title, answer, ratings }: CardInput): string {
  const named = RATING_DIMENSION_ORDER.map(
    (dimension) => `${ratingPhrase(dimension, ratings[dimension])}.`,
  );
  return [`Social card: ${title}.`, answer, ...named].join(" ");
}

/** The alternative text of the site's card. */
export function siteCardAlt({ siteName, summary, ratingsLine }: SiteCardInput): string {
  return `Social card: ${siteName}. ${summary} ${ratingsLine}.`;
}
