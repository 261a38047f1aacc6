import { getCollection } from "astro:content";

/** Every source, newest first. */
export async function getSources() {
  const sources = await getCollection("sources");
  return sources.sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
}

/**
 * The Wayback Machine's list of snapshots of an address. It is a lookup, not
 * a snapshot: readers see it labelled so, and it is linked only where no
 * snapshot was found (`archiveUrl`).
 */
export function archiveLookupUrl(url: string): string {
  return `https://web.archive.org/web/*/${url}`;
}
