import { getEntry } from "astro:content";
import type { REQUIRED_ENTRIES } from "@/content-check/integrity";

/** A snippet of editorial copy the site shows inside a page; the content check requires it. */
export async function getSnippet(id: (typeof REQUIRED_ENTRIES)["snippets"][number]) {
  const snippet = await getEntry("snippets", id);
  if (!snippet) throw new Error(`content/snippets/${id}.mdx is missing`);
  return snippet;
}
