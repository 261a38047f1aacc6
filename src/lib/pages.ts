import { getEntry, type CollectionEntry } from "astro:content";

export type ProsePage = CollectionEntry<"pages">;

/** A page from content/pages; the content check guarantees the site's own pages exist. */
export async function getProsePage(id: string): Promise<ProsePage> {
  const page = await getEntry("pages", id);
  if (!page) throw new Error(`content/pages/${id}.mdx is missing; the site needs it`);
  return page;
}
