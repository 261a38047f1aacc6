import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { getCorrectionLog, getLoggedClaims } from "@/lib/claims";
import { correctionRssItems } from "@/lib/feeds";
import { claimUrl, homeUrl } from "@/lib/site-urls";
import { SITE } from "@/site.config";

export const GET: APIRoute = async ({ site }) =>
  rss({
    title: `${SITE.name}: corrections and updates`,
    description: `Every correction and update made to a check on ${SITE.name}.`,
    site: homeUrl(site),
    items: correctionRssItems(getCorrectionLog(await getLoggedClaims()), claimUrl(site)),
    customData: `<language>${SITE.lang}</language>`,
  });
