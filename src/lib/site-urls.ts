/** Absolute URLs for feeds and structured data, from the configured site and base. */
import { claimPath, file, path } from "@/lib/urls";

export function absolute(site: URL | undefined, sitePath: string): string {
  if (!site) throw new Error("Set `site` in astro.config.mjs (SITE_URL) to build absolute URLs");
  return new URL(sitePath, site).href;
}

export const claimUrl = (site: URL | undefined) => (id: string) => absolute(site, claimPath(id));
export const homeUrl = (site: URL | undefined) => absolute(site, path());
export const fileUrl = (site: URL | undefined, name: string) => absolute(site, file(name));
