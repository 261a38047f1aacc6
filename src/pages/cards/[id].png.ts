import type { APIRoute, GetStaticPaths } from "astro";
import { getPublishedClaims, type Claim } from "@/lib/claims";
import type { CardInput } from "@/lib/social-card";
import { prepareSocialCards, renderSocialCard } from "@/lib/social-card-pool";
import { SITE } from "@/site.config";

const cardInput = (claim: Claim): CardInput => ({
  siteName: SITE.name,
  title: claim.data.title,
  claim: claim.data.claim,
  verdict: claim.data.verdict,
});

export const getStaticPaths = (async () => {
  const claims = await getPublishedClaims();
  // A build asks for every card, so the worker pool starts on all of them now;
  // the dev server draws only the card it is asked for.
  if (import.meta.env.PROD) prepareSocialCards(claims.map(cardInput));
  return claims.map((claim) => ({ params: { id: claim.id }, props: { claim } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ claim: Claim }> = async ({ props: { claim } }) => {
  const png = await renderSocialCard(cardInput(claim));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
