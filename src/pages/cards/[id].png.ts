import type { APIRoute, GetStaticPaths } from "astro";
import { getPublishedClaims, type Claim } from "@/lib/claims";
import { renderSocialCard } from "@/lib/social-card";
import { SITE } from "@/site.config";

export const getStaticPaths = (async () =>
  (await getPublishedClaims()).map((claim) => ({
    params: { id: claim.id },
    props: { claim },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ claim: Claim }> = async ({ props: { claim } }) => {
  const png = await renderSocialCard({
    siteName: SITE.name,
    title: claim.data.title,
    claim: claim.data.claim,
    verdict: claim.data.verdict,
  });
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
