import type { APIRoute } from "astro";
import { getClaimPages } from "@/lib/claims";
import { buildDataset } from "@/lib/dataset";
import { homeUrl } from "@/lib/site-urls";

export const GET: APIRoute = async ({ site }) => {
  const entries = await getClaimPages(site);
  return Response.json(buildDataset(entries, homeUrl(site), new Date()));
};
