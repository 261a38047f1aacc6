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
