/** The site's own social card: the home page's, and every page's without a card of its own. */
import type { APIRoute } from "astro";
import { siteCardInput } from "@/lib/card-content";
import { renderSiteSocialCard } from "@/lib/social-card-pool";

export const GET: APIRoute = async ({ site }) => {
  const png = await renderSiteSocialCard(siteCardInput(site));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
