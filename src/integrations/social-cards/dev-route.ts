/**
 * The dev server's route for claims' social cards (cards/<id>.png): draws the
 * card asked for, or takes it from the card cache. A build has no such route;
 * it writes every card after Astro (./index.ts).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { claimCardInput } from "@/lib/card-content";
import { getPublishedClaims, type Claim } from "@/lib/claims";
import { renderSocialCard } from "@/lib/social-card-pool";

export const getStaticPaths = (async () => {
  const claims = await getPublishedClaims();
  return claims.map((claim) => ({ params: { id: claim.id }, props: { claim } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ claim: Claim }> = async ({ props: { claim }, site }) => {
  const png = await renderSocialCard(claimCardInput(claim, site));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
