import { getCollection } from "astro:content";

/** Every source, newest first. */
export async function getSources() {
  const sources = await getCollection("sources");
  return sources.sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
}
