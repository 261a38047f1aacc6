import { defineCollection, reference } from "astro:content";
import { glob } from "astro/loaders";
import { COLLECTIONS, type CollectionName } from "@/schemas/collections";

// Everything editors touch lives in content/, outside src/. Each folder is
// flat (the content check refuses subfolders), and the pattern leaves out
// files whose names start with _ (the content check refuses those too, so
// nothing sits in content/ that no check reads).
const CONTENT_ROOT = "./content";

const refs = {
  claimants: reference("claimants"),
  sources: reference("sources"),
  claims: reference("claims"),
};

/** Each collection's folder and file type come from the registry. */
const loader = (name: CollectionName) =>
  glob({ pattern: `[^_]*${COLLECTIONS[name].extension}`, base: `${CONTENT_ROOT}/${name}` });

export const collections = {
  claims: defineCollection({ loader: loader("claims"), schema: COLLECTIONS.claims.schema(refs) }),
  sources: defineCollection({ loader: loader("sources"), schema: COLLECTIONS.sources.schema() }),
  claimants: defineCollection({
    loader: loader("claimants"),
    schema: COLLECTIONS.claimants.schema(),
  }),
  timeline: defineCollection({
    loader: loader("timeline"),
    schema: COLLECTIONS.timeline.schema(refs),
  }),
  pages: defineCollection({ loader: loader("pages"), schema: COLLECTIONS.pages.schema() }),
  snippets: defineCollection({ loader: loader("snippets"), schema: COLLECTIONS.snippets.schema() }),
  story: defineCollection({ loader: loader("story"), schema: COLLECTIONS.story.schema(refs) }),
} satisfies Record<CollectionName, unknown>;
