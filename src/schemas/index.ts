/**
 * The content model. Each collection's schema is built from a function that
 * takes the schemas used for references, so Astro's collections
 * (`src/content.config.ts`, with `reference()`) and the standalone content
 * check (`src/content-check/`, with plain ids) share one definition.
 */
import { z } from "astro/zod";
import { RATING_KEYS } from "./ratings.ts";
import { KEBAB_CASE, httpUrl, idReference, isoDate, text } from "./fields.ts";

export const SOURCE_KINDS = [
  "primary-document",
  "official-statement",
  "news-report",
  "analysis",
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How each kind of source is named to readers, in the order the sources page groups them. */
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  "primary-document": "Primary document",
  "official-statement": "Official statement",
  "news-report": "News report",
  analysis: "Analysis",
};

export const DATE_PRECISIONS = ["day", "month", "year", "approximate"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const CORRECTION_KINDS = ["correction", "update"] as const;

/** A reference to another entry, as its schema needs to see it. */
export interface ReferenceSchemas<
  Claimants extends z.ZodType,
  Sources extends z.ZodType,
  Claims extends z.ZodType,
> {
  claimants: Claimants;
  sources: Sources;
  claims: Claims;
}

const rating = (description: string) =>
  z
    .enum(RATING_KEYS, {
      error: `is not on the rating scale; use one of: ${RATING_KEYS.join(", ")}`,
    })
    .meta({ description, example: "unproven" });

export function claimSchema<A extends z.ZodType, S extends z.ZodType, C extends z.ZodType>(
  refs: ReferenceSchemas<A, S, C>,
) {
  return z.strictObject({
    title: text(
      "Headline of the check, in our words; shown as the page title. Keep it under about 90 characters.",
    ),
    claim: text(
      "The claim quoted exactly as the story words it, without surrounding quotation marks.",
    ),
    claimant: refs.claimants.meta({
      description:
        "Who made the claim: the id of a file in content/claimants/ (e.g. engadget, dji).",
    }),
    appearance: z
      .strictObject({
        order: z
          .int({ error: "must be a whole number" })
          .min(1, { error: "must be 1 or more" })
          .meta({
            description:
              "Position of the claim in the story's reading order, from 1; orders the claim list and the annotated story.",
            example: 4,
          }),
        location: text(
          'Where in the story the claim appears: "Headline", "Subtitle" or "Paragraph N".',
        ),
      })
      .meta({ description: "Where the claim appears in the story." }),
    firstAppearance: refs.sources
      .meta({
        description:
          "Optional: the id of the source in which the claim first appeared (the bulletin, a DJI statement). Leave it out when the story itself made the claim.",
      })
      .optional(),
    reporting: rating(
      "Did the story report the claim faithfully (quote, date, attribution)? A key of the rating scale.",
    ),
    verdict: rating(
      "Does the claim itself hold up on the evidence? A key of the rating scale; not-rated for opinion.",
    ),
    bottomLine: text("One sentence a reader can take away; it is the page description too."),
    citations: z
      .array(
        z.strictObject({
          id: z
            .string({ error: "must be text" })
            .regex(KEBAB_CASE, {
              error: "must be kebab-case (lower-case words joined by hyphens)",
            })
            .meta({
              description:
                'Name of this citation, used by <Cite id="..." /> in the text; kebab-case, unique in the file.',
              example: "bulletin-assessment",
            }),
          source: refs.sources.meta({
            description: "The id of a file in content/sources/.",
          }),
          passage: text(
            "The exact short passage (a sentence or two) in the source that supports the sentence citing it.",
          ),
          locator: text("Optional: where in the source the passage is (page, section).").optional(),
        }),
        { error: "must be a list of citations" },
      )
      .min(1, { error: "must list at least one citation" })
      .meta({
        description:
          "The evidence, one entry per citation used in the text. A claim cites at least two different sources.",
      }),
    published: isoDate("The date the check was first published."),
    updated: isoDate("The date of the last substantive change; on or after `published`."),
    evidenceAsOf: isoDate(
      "The date up to which the evidence was reviewed; later events are not reflected.",
    ),
    author: text("Who researched and wrote the check."),
    reviewer: text("Who reviewed the check before publication; not the author."),
    corrections: z
      .array(
        z.strictObject({
          date: isoDate("When the correction or update was made."),
          kind: z
            .enum(CORRECTION_KINDS, {
              error: `must be one of: ${CORRECTION_KINDS.join(", ")}`,
            })
            .meta({
              description:
                "correction: something we published was wrong; update: new evidence or a rating change for a stated reason.",
              example: "correction",
            }),
          text: text("What changed and why, in a sentence or two."),
        }),
        { error: "must be a list of corrections" },
      )
      .default([])
      .meta({
        description:
          "Every correction or update, oldest first. Changing a rating or the bottom line requires a new entry.",
      }),
    draft: z.boolean({ error: "must be true or false" }).default(false).meta({
      description:
        "true keeps the check off the site, the feeds and the data export. Default false.",
    }),
  });
}

export function sourceSchema() {
  return z.strictObject({
    title: text("The source's exact title or headline."),
    titleUnconfirmed: z.boolean({ error: "must be true or false" }).default(false).meta({
      description:
        "true when the source's own headline could not be read and `title` is taken from its web address or describes it; readers see it in square brackets. Default false.",
    }),
    publisher: text("Who published it (outlet, agency or company)."),
    author: text("The named author, where there is one.").optional(),
    date: isoDate(
      "The source's publication date. Where only the month or year is known, write its first day and set datePrecision.",
    ),
    datePrecision: z
      .enum(DATE_PRECISIONS, {
        error: `must be one of: ${DATE_PRECISIONS.join(", ")}`,
      })
      .default("day")
      .meta({
        description:
          "How much of `date` is known: day (default), month, year, or approximate (the day is estimated; say how in `note`). Readers see only what is known.",
        example: "month",
      }),
    url: httpUrl("The source's own address."),
    archiveUrl: httpUrl(
      "An archived copy that was found (never constructed), where one exists.",
    ).optional(),
    accessed: isoDate("When the source was last read for this site."),
    kind: z
      .enum(SOURCE_KINDS, {
        error: `is not a kind of source; use one of: ${SOURCE_KINDS.join(", ")}`,
      })
      .meta({
        description:
          "primary-document (the document itself), official-statement, news-report or analysis.",
        example: "news-report",
      }),
    note: text(
      "Optional: anything a reader or editor should know about the source (how its date was established, for example).",
    ).optional(),
  });
}

export function claimantSchema() {
  return z.strictObject({
    name: text("The claimant's name as readers know it."),
    kind: z
      .enum(["Organization", "Person"], {
        error: "must be Organization or Person",
      })
      .meta({
        description: "Organization or Person (used in structured data).",
        example: "Organization",
      }),
    description: text("One sentence on who the claimant is."),
    url: httpUrl("The claimant's official website.").optional(),
  });
}

export function timelineEventSchema<A extends z.ZodType, S extends z.ZodType, C extends z.ZodType>(
  refs: ReferenceSchemas<A, S, C>,
) {
  return z.strictObject({
    date: isoDate("The day the event happened."),
    title: text("What happened, in a short line."),
    summary: text("One or two sentences in our own words."),
    source: refs.sources.meta({
      description: "The id of the source in content/sources/ that records it.",
    }),
    claims: z
      .array(
        refs.claims.meta({
          description: "The id of a claim in content/claims/.",
        }),
      )
      .default([])
      .meta({ description: "The claims this event bears on." }),
  });
}

export function pageSchema() {
  return z.strictObject({
    title: text("The page title."),
    description: text("One sentence for search results and link previews."),
    updated: isoDate("When the page last changed in substance."),
  });
}

/** References as plain ids, for everything that reads content outside Astro. */
export const ID_REFERENCES = {
  claimants: idReference("claimants"),
  sources: idReference("sources"),
  claims: idReference("claims"),
};
