import type { APIRoute } from "astro";
import { getClaimPages } from "@/lib/claims";
import { buildDataset, datasetCsv } from "@/lib/dataset";
import { homeUrl } from "@/lib/site-urls";

export const GET: APIRoute = async ({ site }) => {
  const entries = await getClaimPages(site);
  return new Response(datasetCsv(buildDataset(entries, homeUrl(site), new Date())), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
};
