/**
 * Typed content entries built from the valid fixture site, as Astro would
 * hand them to the builders: schema-parsed data, references as objects.
 */
import type { CollectionEntry } from "astro:content";
import { loadContent, type CollectionName } from "@/content-check/load";
import { SCHEMAS } from "@/content-check/validate";
import { fixtureRoot } from "./fixtures";

type Data = Record<string, unknown>;
const ref = (collection: string, id: unknown) => ({ collection, id });

function toEntryData(collection: CollectionName, data: Data): Data {
  if (collection !== "claims") return data;
  return {
    ...data,
    claimant: ref("claimants", data["claimant"]),
    ...(data["firstAppearance"]
      ? { firstAppearance: ref("sources", data["firstAppearance"]) }
      : {}),
    citations: (data["citations"] as Data[]).map((citation) => ({
      ...citation,
      source: ref("sources", citation["source"]),
    })),
  };
}

export function fixtureEntries(variant = "valid") {
  const { files } = loadContent(fixtureRoot(variant));
  const entries = files.map((file) => ({
    id: file.id,
    collection: file.collection,
    filePath: file.file,
    body: file.body,
    data: toEntryData(file.collection, SCHEMAS[file.collection].parse(file.data) as Data),
  }));
  const of = <C extends CollectionName>(collection: C) =>
    entries.filter((entry) => entry.collection === collection) as unknown as CollectionEntry<C>[];
  return {
    claims: of("claims"),
    sources: of("sources"),
    claimants: of("claimants"),
  };
}
