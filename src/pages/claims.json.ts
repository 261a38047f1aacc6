import type { APIRoute } from "astro";
import { getClaimsWithSources } from "@/lib/claims";
import { buildDataset } from "@/lib/dataset";
import { claimUrl, homeUrl } from "@/lib/site-urls";

export const GET: APIRoute = async ({ site }) => {
  const url = claimUrl(site);
  const entries = (await getClaimsWithSources()).map((entry) => ({
    ...entry,
    url: url(entry.claim.id),
  }));
  return Response.json(buildDataset(entries, homeUrl(site), new Date()));
};
