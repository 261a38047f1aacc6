import type { APIRoute, GetStaticPaths } from "astro";
import { claimCardInput } from "@/lib/card-content";
import { getPublishedClaims, type Claim } from "@/lib/claims";
import { prepareSocialCards, renderSocialCard } from "@/lib/social-card-pool";

export const getStaticPaths = (async () => {
  const claims = await getPublishedClaims();
  // A build asks for every card, so the worker pool starts on all of them now;
  // the dev server draws only the card it is asked for.
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined;
  if (import.meta.env.PROD) prepareSocialCards(claims.map((claim) => claimCardInput(claim, site)));
  return claims.map((claim) => ({ params: { id: claim.id }, props: { claim } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ claim: Claim }> = async ({ props: { claim }, site }) => {
  const png = await renderSocialCard(claimCardInput(claim, site));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
