/**
 * The content model. Each collection's schema is built from a function that
 * takes the schemas used for references, so Astro's collections
 * (`src/content.config.ts`, with `reference()`) and the standalone content
 * check (`src/content-check/`, with plain ids) share one definition.
 */
import { z } from "astro/zod";
import { RATING_DIMENSIONS, RATING_KEYS } from "./ratings.ts";
import { KEBAB_CASE, domain, httpUrl, idReference, isoDate, text } from "./fields.ts";
import { ANSWER_MAX, TITLE_MAX } from "./limits.ts";

export { ANSWER_MAX, TITLE_MAX };

export const SOURCE_KINDS = [
  "primary-document",
  "official-statement",
  "press-release",
  "news-report",
  "analysis",
  "audio-video",
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How each kind of source is named to readers, in the order the sources page groups them. */
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  "primary-document": "Primary document",
  "official-statement": "Official statement",
  "press-release": "Press release",
  "news-report": "News report",
  analysis: "Analysis",
  "audio-video": "Audio or video",
};

export const DATE_PRECISIONS = ["day", "month", "year", "approximate"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/**
 * What a corrections entry records. A withdrawal takes the check's ratings
 * down: its page then shows only why, and its record of changes.
 */
export const CORRECTION_KINDS = ["correction", "update", "withdrawal"] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** How much of a `date` is known; readers see only that much. */
function datePrecision() {
  return z
    .enum(DATE_PRECISIONS, {
      error: `must be one of: ${DATE_PRECISIONS.join(", ")}`,
    })
    .default("day")
    .meta({
      description:
        "How much of `date` is known: day (default), month, year, or approximate (the day is estimated; say how in `note` or the summary). Readers see only what is known.",
      example: "month",
    });
}

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

/** The longest "In brief" point. */
export const IN_BRIEF_MAX = 140;

/** The id a reference names: the id itself to the content check, an entry's to Astro. */
function referencedId(reference: unknown): unknown {
  return reference !== null && typeof reference === "object" && "id" in reference
    ? reference.id
    : reference;
}

/**
 * What is being judged, in one form for every claim: who said it, a colon, and
 * the statement in our words. Never a question, because a rating shown under a
 * question reads as its answer.
 */
function claimTitle() {
  return (
    text(
      `What is being judged, in one form for every claim: who said it, a colon, and the statement in our words, with quoted words in single quotes (Engadget: 'Homeland Security' claims DJI drones are spying for China). Not a question. Keep it under about 90 characters (at most ${TITLE_MAX}, what the social card can show).`,
      { max: TITLE_MAX, unquoted: true },
    )
      // A question anywhere ("Engadget: DJI spies. Is it true? True") would also
      // print a verdict of its own above the real one, in previews and on the card.
      .refine((title) => /^[^:?]{2,40}: \S/.test(title) && !title.includes("?"), {
        error:
          "must say who made the claim, a colon, then the statement, with no question in it, e.g. \"DJI: the ICE memo rests on 'clearly false and misleading claims'\"",
      })
  );
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
    title: claimTitle(),
    claim: text(
      "The claim quoted exactly as the story words it, without surrounding quotation marks.",
      { unquoted: true },
    ),
    proposition: text(
      'Optional: the proposition the verdict rates, in our words, when the story\'s sentence reports what someone said rather than asserting it (the story: "the memo says DJI is spying"; the proposition: "DJI passes US data to the Chinese government"). Structured data publishes the verdict against it; without it, `claim` is used.',
    ).optional(),
    propositionBy: refs.claimants
      .meta({
        description:
          "Optional, with `proposition`: who asserted the proposition (the id of a file in content/claimants/), when it is not the claimant of the story's sentence, e.g. ice-hsi-los-angeles for the memo's assessment that Engadget reported.",
      })
      .optional(),
    claimant: refs.claimants.meta({
      description:
        "Who made the claim: the id of a file in content/claimants/ (e.g. engadget, dji).",
    }),
    appearance: z
      .strictObject({
        order: z
          .number({ error: "must be a number, e.g. 4, or 4.5 to go between 4 and 5" })
          .positive({ error: "must be more than 0" })
          .meta({
            description:
              "Where the claim comes in the story's reading order; claims are sorted by it and numbered 1, 2, 3 on the site, so gaps are fine and 4.5 goes between 4 and 5.",
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
    verdict: rating(
      `Shown as "${RATING_DIMENSIONS.verdict.label}", first on every page and card: does the claim itself hold up on the evidence? A key of the rating scale; not-rated for opinion.`,
    ),
    reporting: rating(
      `Shown as "${RATING_DIMENSIONS.reporting.label}": did the story report the claim faithfully (quote, date, attribution)? A key of the rating scale.`,
    ),
    bottomLine: text("One sentence a reader can take away; it is the page description too."),
    answer: text(
      'The plain answer to both ratings in one line, whether it is true first, then how the story reported it: "Unproven: no public evidence shows it; the memo did say it, and Engadget quoted it accurately." Readers see it under the title, in lists, on the social card and in search results. Write it from the bottom line and the ratings only.',
      { max: ANSWER_MAX },
    ).refine((answer) => !/[.!?]\s+\S/.test(answer), {
      error: "must be one sentence; join its parts with a semicolon or shorten it",
    }),
    inBrief: z
      .array(
        text("One short point in our words, taken from the page itself.", { max: IN_BRIEF_MAX }),
        { error: "must be a list of short points" },
      )
      .min(2, { error: "must list at least 2 points" })
      .max(4, { error: "must list at most 4 points; a reader skims them" })
      .meta({
        description: `"In brief" at the top of the page: 2 to 4 points of at most ${IN_BRIEF_MAX} characters, each a fact from the page (what was said, what the evidence shows, what is still unknown). No new facts: every point must be in the text below, with its citation there.`,
      }),
    seeAlso: z
      .strictObject({
        claim: refs.claims.meta({
          description: "The id of the claim to link, a file in content/claims/.",
        }),
        label: text("The link's words: what the reader will find there.", { max: 80 }),
      })
      .optional()
      .meta({
        description:
          'Optional: the claim a reader of this one most needs next, linked under the answer, and the link\'s words; the headline claim links the check of the evidence since 2017 as "What the evidence from 2017 to 2026 shows".',
      }),
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
            "The exact short passage (a sentence or two, at most 1,000 characters) in the source that supports the sentence citing it; the page quotes it, so quote no more than the sentence needs.",
          ),
          locator: text("Optional: where in the source the passage is (page, section).").optional(),
        }),
        { error: "must be a list of citations" },
      )
      .min(1, { error: "must list at least one citation" })
      // Every citation is a row of the page's source list: a page of
      // thousands is no page a reader can use (the longest check cites 50).
      .max(100, { error: "must list at most 100 citations; cite the strongest passages" })
      .meta({
        description:
          "The evidence, one entry per citation used in the text. A claim cites at least two different sources.",
      }),
    published: isoDate("The date the check was first published."),
    updated: isoDate("The date of the last substantive change; on or after `published`."),
    evidenceAsOf: isoDate(
      'When the evidence was last searched for; readers see it as "Evidence last searched", beside the date of the newest source cited. Later events are not reflected.',
    ),
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
                "correction: something we published was wrong; update: new evidence or a rating change for a stated reason; withdrawal: the check is taken down (with withdrawn: true), and the text says why.",
              example: "correction",
            }),
          text: text("What changed and why, in a sentence or two."),
        }),
        { error: "must be a list of corrections" },
      )
      // Every entry is shown on the page and in the site's log: a page with
      // hundreds would bury the ones that matter (the most corrected has 4).
      .max(50, { error: "must list at most 50 entries; a page changed that often needs rewriting" })
      .default([])
      .meta({
        description:
          "Every correction or update, oldest first; a new one goes at the end, dated the day of the change. Changing a rating, the bottom line, the answer or what is rated (title, claim, proposition, claimant), or withdrawing the check, requires a new entry.",
      }),
    draft: z.boolean({ error: "must be true or false" }).default(false).meta({
      description:
        "true keeps a check that was never published off the site, the feeds and the data export. Default false. A published check cannot go back to a draft; withdraw it instead.",
    }),
    withdrawn: z.boolean({ error: "must be true or false" }).default(false).meta({
      description:
        "true takes a published check down: its address then shows a notice of the withdrawal, with the reason from the last corrections entry (kind: withdrawal) and the record of changes, and no ratings; it leaves the claims list, the feeds of checks and the data export. Default false.",
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
    datePrecision: datePrecision(),
    publisherDomain: domain(
      "The publisher's own web domain, without https:// or www (nytimes.com, defense.gov). `url` must be on it, or `offDomainReason` must say why not.",
    ),
    url: httpUrl(
      "The original's address: where the publisher itself published the source. Readers reach it from the source's title, so it must open what the publisher published, not a repost.",
    ),
    offDomainReason: text(
      "Only when `url` is not on `publisherDomain`: why, in plain words (the document leaked and was never published by its author; the publisher's own address could not be found, so `url` is the copy we read).",
    ).optional(),
    copy: z
      .strictObject({
        url: httpUrl("The address of the copy we actually read."),
        what: text(
          'What the copy is, for readers: "An excerpt of the article posted on the Democratic Underground forum".',
        ),
      })
      .optional()
      .meta({
        description:
          "Only when what we read is not the original at `url`: the copy we read and what it is. Readers see it labelled as the copy we read.",
      }),
    archiveUrl: httpUrl(
      "A snapshot of the original that was actually found (never constructed). Without one, the page links the Wayback Machine's lookup for `url`, labelled as a lookup.",
    ).optional(),
    accessed: isoDate("When the source was last read for this site."),
    kind: z
      .enum(SOURCE_KINDS, {
        error: `is not a kind of source; use one of: ${SOURCE_KINDS.join(", ")}`,
      })
      .meta({
        description:
          "primary-document (the document, law, court opinion or report itself), official-statement (a government body's statement), press-release (a company's or organisation's own release or statement), news-report, analysis (research write-ups, law-firm alerts) or audio-video (podcasts, recordings).",
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
      .enum(CLAIMANT_KINDS, {
        error: `must be one of: ${CLAIMANT_KINDS.join(", ")}`,
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
    date: isoDate(
      "The day the event happened. Where only the month or year is known, write its first day and set datePrecision.",
    ),
    datePrecision: datePrecision(),
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
      // Each id is a link on the timeline page, once per event: thousands of
      // repeats once made that page 155 MB.
      .max(30, { error: "must list at most 30 claims; name those the event bears on most" })
      .refine((ids) => new Set(ids.map(referencedId)).size === ids.length, {
        error: "names a claim twice; keep each claim once",
      })
      .default([])
      .meta({ description: "The claims this event bears on." }),
  });
}

export function pageSchema() {
  return z.strictObject({
    title: text("The page title."),
    headline: text(
      "Optional: the page's main heading, when it should differ from the title (the home page's question, say).",
    ).optional(),
    description: text("One sentence for search results and link previews."),
    updated: isoDate("When the page last changed in substance."),
  });
}

export function storySchema<A extends z.ZodType, S extends z.ZodType, C extends z.ZodType>(
  refs: ReferenceSchemas<A, S, C>,
) {
  return z.strictObject({
    title: text("The story's headline, exactly as published."),
    publisher: text("Who published the story."),
    author: text("The story's byline."),
    date: isoDate("The day the story was published."),
    url: httpUrl("The story's address on the publisher's site."),
    addressConfirmedBy: refs.sources
      .meta({
        description:
          "The id of the source in content/sources/ through which the address was confirmed, when the story itself could not be read there.",
      })
      .optional(),
  });
}

export const CLAIMANT_KINDS = ["Organization", "Person"] as const;

export function snippetSchema() {
  return z.strictObject({
    purpose: text("Where the snippet appears on the site, for editors; readers do not see it."),
  });
}

/** References as plain ids, for everything that reads content outside Astro. */
export const ID_REFERENCES = {
  claimants: idReference("claimants"),
  sources: idReference("sources"),
  claims: idReference("claims"),
};
