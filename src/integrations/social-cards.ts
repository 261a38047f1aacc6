/**
 * Starts drawing the claims' social cards as soon as the content check has
 * passed content/, so the worker pool (src/lib/social-card-pool.ts) draws
 * while Astro reads content and bundles, instead of only once it reaches the
 * card route. The route asks for the same cards and finds them drawn, or
 * being drawn; a card this early start gets wrong (a field Astro's schema
 * would change) is a different card to the cache, drawn again by the route,
 * never a wrong card. Builds only: the dev server draws the card it is asked for.
 */
import type { AstroConfig } from "astro";
import type { ContentFile } from "../content-check/index.ts";
import { SCHEMAS } from "../content-check/validate.ts";
import { addressOf, cardInputFrom, type CardFields, type CardInput } from "../lib/card-input.ts";
import { SITE } from "../site.config.ts";

/**
 * Workers while Astro bundles. Astro's bundler is itself busy on the CPUs
 * then, and its memory peaks; the route lets the pool use every CPU once
 * pages are rendered.
 */
const EARLY_WORKERS = 1;

type ClaimData = CardFields & { draft: boolean; appearance: { order: number } };

/**
 * The published claims' card fields, in the order the site lists (and the
 * route asks for) them, as Astro will hold them: read through the same
 * schema (which trims text, for one).
 */
export function publishedCardFields(files: readonly ContentFile[]): CardFields[] {
  return files
    .filter((file) => file.collection === "claims")
    .flatMap((file) => {
      const parsed = SCHEMAS.claims.safeParse(file.data);
      return parsed.success ? [parsed.data as ClaimData] : [];
    })
    .filter((data) => !data.draft)
    .sort((a, b) => a.appearance.order - b.appearance.order);
}

/** The card of every published claim, as the card route will ask for it. */
export function earlyCardInputs(
  files: readonly ContentFile[],
  { site, base }: Pick<AstroConfig, "site" | "base">,
): CardInput[] {
  if (!site) return [];
  const address = addressOf(new URL(base.replace(/\/?$/, "/"), site).href);
  return publishedCardFields(files).map((fields) => cardInputFrom(SITE.name, address, fields));
}

export async function startSocialCards(
  files: readonly ContentFile[],
  config: AstroConfig,
): Promise<void> {
  const inputs = earlyCardInputs(files, config);
  if (inputs.length === 0) return;
  // Loaded here, not with Astro's config, so the dev server never loads the drawing code.
  const { prepareSocialCards } = await import("../lib/social-card-pool.ts");
  prepareSocialCards(inputs, EARLY_WORKERS);
}
