import type { APIRoute } from "astro";
import { getCorrectionLog, getLoggedClaims } from "@/lib/claims";
import { correctionJsonFeed } from "@/lib/feeds";
import { claimUrl, fileUrl, homeUrl } from "@/lib/site-urls";
import { SITE } from "@/site.config";

export const GET: APIRoute = async ({ site }) =>
  Response.json(
    correctionJsonFeed(getCorrectionLog(await getLoggedClaims()), claimUrl(site), {
      title: `${SITE.name}: corrections and updates`,
      homePageUrl: homeUrl(site),
      feedUrl: fileUrl(site, "corrections.json"),
      description: `Every correction and update made to a check on ${SITE.name}.`,
      language: SITE.lang,
    }),
  );
