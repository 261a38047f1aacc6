import type { APIRoute } from "astro";
import { getPublishedClaims } from "@/lib/claims";
import { claimJsonFeed } from "@/lib/feeds";
import { claimUrl, fileUrl, homeUrl } from "@/lib/site-urls";
import { SITE } from "@/site.config";

export const GET: APIRoute = async ({ site }) =>
  Response.json(
    claimJsonFeed(await getPublishedClaims(), claimUrl(site), {
      title: `${SITE.name}: claims`,
      homePageUrl: homeUrl(site),
      feedUrl: fileUrl(site, "feed.json"),
      description: SITE.description,
      language: SITE.lang,
    }),
  );
