/** Site paths, always under the configured base path and ending in a slash. */

const BASE = import.meta.env.BASE_URL.replace(/\/?$/, "/");

/** A path inside the site, e.g. `path("claims", "army-memo")` → `/base/claims/army-memo/`. */
export function path(...segments: string[]): string {
  const joined = segments.filter(Boolean).join("/");
  return joined ? `${BASE}${joined}/` : BASE;
}

/** A file inside the site, e.g. `file("rss.xml")` → `/base/rss.xml`. */
export function file(name: string): string {
  return `${BASE}${name}`;
}

export const claimPath = (id: string) => path("claims", id);

/**
 * The Wayback Machine's list of snapshots of an address. It is a lookup, not
 * a snapshot: readers see it labelled so, and it is linked only where no
 * snapshot was found (`archiveUrl`).
 */
export function archiveLookupUrl(url: string): string {
  return `https://web.archive.org/web/*/${url}`;
}
