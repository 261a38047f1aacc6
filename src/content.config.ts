import { defineCollection, reference } from "astro:content";
import { glob } from "astro/loaders";
import {
  claimSchema,
  claimantSchema,
  pageSchema,
  sourceSchema,
  timelineEventSchema,
} from "@/schemas";

// Everything editors touch lives in content/, outside src/. A leading
// underscore keeps a file out of the site (drafts of drafts, notes).
const CONTENT_ROOT = "./content";

const refs = {
  claimants: reference("claimants"),
  sources: reference("sources"),
  claims: reference("claims"),
};

export const collections = {
  claims: defineCollection({
    loader: glob({ pattern: "**/[^_]*.mdx", base: `${CONTENT_ROOT}/claims` }),
    schema: claimSchema(refs),
  }),
  sources: defineCollection({
    loader: glob({ pattern: "**/[^_]*.yaml", base: `${CONTENT_ROOT}/sources` }),
    schema: sourceSchema(),
  }),
  claimants: defineCollection({
    loader: glob({
      pattern: "**/[^_]*.yaml",
      base: `${CONTENT_ROOT}/claimants`,
    }),
    schema: claimantSchema(),
  }),
  timeline: defineCollection({
    loader: glob({
      pattern: "**/[^_]*.yaml",
      base: `${CONTENT_ROOT}/timeline`,
    }),
    schema: timelineEventSchema(refs),
  }),
  pages: defineCollection({
    loader: glob({ pattern: "**/[^_]*.mdx", base: `${CONTENT_ROOT}/pages` }),
    schema: pageSchema(),
  }),
};
