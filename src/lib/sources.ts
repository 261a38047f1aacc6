import { getCollection } from "astro:content";
import type { SourceKind } from "@/schemas";

/** How each kind of source is named to readers, in the order the sources page groups them. */
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  "primary-document": "Primary document",
  "official-statement": "Official statement",
  "news-report": "News report",
  analysis: "Analysis",
};

/** Every source, newest first. */
export async function getSources() {
  const sources = await getCollection("sources");
  return sources.sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
}
