import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { getPublishedClaims } from "@/lib/claims";
import { claimRssItems } from "@/lib/feeds";
import { claimUrl, homeUrl } from "@/lib/site-urls";
import { SITE } from "@/site.config";

export const GET: APIRoute = async ({ site }) =>
  rss({
    title: `${SITE.name}: claims`,
    description: SITE.description,
    site: homeUrl(site),
    items: claimRssItems(await getPublishedClaims(), claimUrl(site)),
    customData: `<language>${SITE.lang}</language>`,
  });
