import type { APIRoute } from "astro";
import { getClaimsWithSources } from "@/lib/claims";
import { buildDataset, datasetCsv } from "@/lib/dataset";
import { claimUrl, homeUrl } from "@/lib/site-urls";

export const GET: APIRoute = async ({ site }) => {
  const url = claimUrl(site);
  const entries = (await getClaimsWithSources()).map((entry) => ({
    ...entry,
    url: url(entry.claim.id),
  }));
  return new Response(datasetCsv(buildDataset(entries, homeUrl(site), new Date())), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
};
