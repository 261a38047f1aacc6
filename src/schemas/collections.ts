/**
 * The collection registry: every kind of content file, declared once. The
 * Astro collections (src/content.config.ts), the content check's loader,
 * validator and MDX rules, and the files generated for editors all derive
 * from this list, so a new collection is one entry here.
 */
import type { z } from "astro/zod";
import {
  claimSchema,
  claimantSchema,
  pageSchema,
  snippetSchema,
  storySchema,
  sourceSchema,
  timelineEventSchema,
  type ReferenceSchemas,
} from "./index.ts";

/** A component an MDX collection's layout provides (see src/content-check/allow-list.ts). */
export type ComponentName = "Cite" | "ClaimLink" | "PageLink" | "RatingLabel";

/** The site's own pages that content may link with `<PageLink to="...">`. */
export const LINKABLE_PAGES = [
  "about",
  "claims",
  "corrections",
  "methodology",
  "ratings",
  "search",
  "sources",
  "story",
  "timeline",
] as const;
export type LinkablePage = (typeof LINKABLE_PAGES)[number];

interface CollectionSpec {
  /** What one file of the collection holds, in messages and in `npm run new:<entry>`. */
  readonly entry: string;
  /** Files in content/<name>/ end in this; others are refused. */
  readonly extension: ".mdx" | ".yaml";
  /** Whether the fields sit in frontmatter above an MDX body. */
  readonly frontmatter: boolean;
  /** The schema, given how references to other collections are checked. */
  readonly schema: (refs: ReferenceSchemas<z.ZodType, z.ZodType, z.ZodType>) => z.ZodType;
  /** MDX only: the components its layout provides. */
  readonly components?: readonly ComponentName[];
  /** The JSON Schema generated for editors' completion, if editors write these by hand. */
  readonly editorSchema?: string;
  /** What the collection holds, for the content reference. */
  readonly description: string;
}

export const COLLECTIONS = {
  claims: {
    entry: "claim",
    extension: ".mdx",
    frontmatter: true,
    schema: claimSchema,
    components: ["Cite", "ClaimLink", "PageLink", "RatingLabel"],
    editorSchema: ".vscode/schemas/claim.schema.json",
    description: "One check per claim; the file name is the page address.",
  },
  sources: {
    entry: "source",
    extension: ".yaml",
    frontmatter: false,
    schema: () => sourceSchema(),
    editorSchema: ".vscode/schemas/source.schema.json",
    description: "One source each, cited by id.",
  },
  claimants: {
    entry: "claimant",
    extension: ".yaml",
    frontmatter: false,
    schema: () => claimantSchema(),
    editorSchema: ".vscode/schemas/claimant.schema.json",
    description: "Who made each claim.",
  },
  timeline: {
    entry: "event",
    extension: ".yaml",
    frontmatter: false,
    schema: timelineEventSchema,
    editorSchema: ".vscode/schemas/timeline-event.schema.json",
    description: "Dated events, each with its source.",
  },
  pages: {
    entry: "page",
    extension: ".mdx",
    frontmatter: true,
    schema: () => pageSchema(),
    components: ["ClaimLink", "PageLink"],
    description: "The home summary and the methodology, about and corrections pages.",
  },
  story: {
    entry: "story",
    extension: ".yaml",
    frontmatter: false,
    schema: storySchema,
    description: "The story this site checks (one file, story.yaml).",
  },
  snippets: {
    entry: "snippet",
    extension: ".mdx",
    frontmatter: true,
    schema: () => snippetSchema(),
    components: ["ClaimLink", "PageLink"],
    description:
      "Short texts shown inside pages (introductions, the note on how a check was made).",
  },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
