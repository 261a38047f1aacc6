import type { APIRoute, GetStaticPaths } from "astro";
import { claimCardInput } from "@/lib/card-content";
import { getPublishedClaims, type Claim } from "@/lib/claims";
import { renderSocialCard } from "@/lib/social-card";

export const getStaticPaths = (async () =>
  (await getPublishedClaims()).map((claim) => ({
    params: { id: claim.id },
    props: { claim },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ claim: Claim }> = async ({ props: { claim }, site }) => {
  const png = await renderSocialCard(claimCardInput(claim, site));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
