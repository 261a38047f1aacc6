/**
 * The public dataset: every published claim with both ratings, its claimant
 * and its sources in full. The export's shape is defined once, below; the
 * JSON Schema published at /claims.schema.json is generated from it.
 */
import { z } from "astro/zod";
import { stringify } from "csv-stringify/sync";
import type { ClaimPageData } from "@/lib/claim-page";
import { isoDay } from "@/lib/dates";
import { archiveLookupUrl } from "@/lib/urls";
import { CLAIMANT_KINDS, CORRECTION_KINDS, DATE_PRECISIONS, SOURCE_KINDS } from "@/schemas";
import { RATING_DIMENSIONS, RATING_KEYS, getRating } from "@/schemas/ratings";

/** Bump on any change that could break a reader of the data. */
export const DATASET_SCHEMA_VERSION = "3.0.0";

const day = z.iso.date();
const ratingSchema = z.strictObject({
  key: z.enum(RATING_KEYS),
  label: z.string(),
  value: z.number().int().min(1).max(5).nullable(),
});

export const datasetSchema = z
  .strictObject({
    schemaVersion: z.literal(DATASET_SCHEMA_VERSION),
    generated: day.meta({ description: "The build date." }),
    site: z.url(),
    license: z.string(),
    claims: z.array(
      z.strictObject({
        id: z.string(),
        url: z.url(),
        title: z.string(),
        claim: z.string().meta({ description: "The claim quoted exactly as the story words it." }),
        proposition: z.string().nullable().meta({
          description:
            "What the verdict rates, in our words, when the story's sentence reports what someone said; null when the verdict rates the claim itself.",
        }),
        propositionBy: z
          .strictObject({ id: z.string(), name: z.string() })
          .nullable()
          .meta({ description: "Who asserted the proposition, when not the claimant." }),
        claimant: z.strictObject({
          id: z.string(),
          name: z.string(),
          kind: z.enum(CLAIMANT_KINDS),
        }),
        appearance: z.strictObject({ order: z.number().int().min(1), location: z.string() }),
        // In the order the site shows them (RATING_DIMENSIONS): whether it is true first.
        verdict: ratingSchema.meta({
          description: `${RATING_DIMENSIONS.verdict.label} ${RATING_DIMENSIONS.verdict.question}`,
        }),
        reporting: ratingSchema.meta({
          description: `${RATING_DIMENSIONS.reporting.label}: ${RATING_DIMENSIONS.reporting.question}`,
        }),
        answer: z.string().meta({
          description: "The plain answer to both ratings in one line.",
        }),
        inBrief: z.array(z.string()).meta({ description: "The page's points in brief." }),
        bottomLine: z.string(),
        published: day,
        updated: day,
        evidenceLastSearched: day.meta({
          description: "When the evidence for this check was last searched for.",
        }),
        newestSourceDate: day.meta({
          description: "The publication date of the newest source the check cites.",
        }),
        corrections: z.array(
          z.strictObject({ date: day, kind: z.enum(CORRECTION_KINDS), text: z.string() }),
        ),
        citations: z.array(
          z.strictObject({
            label: z.string().meta({
              description:
                'The marker in the text: "3", or "3b" for a source cited more than once.',
            }),
            passage: z.string(),
            locator: z.string().nullable(),
            source: z.strictObject({
              id: z.string(),
              title: z.string(),
              titleUnconfirmed: z.boolean(),
              publisher: z.string(),
              publisherDomain: z.string(),
              author: z.string().nullable(),
              date: day,
              datePrecision: z.enum(DATE_PRECISIONS),
              url: z.url().meta({ description: "The original, as its publisher published it." }),
              offDomainReason: z.string().nullable(),
              copy: z
                .strictObject({ url: z.url(), what: z.string() })
                .nullable()
                .meta({ description: "The copy we read, when it is not the original." }),
              archiveUrl: z.url().nullable().meta({ description: "A snapshot that was found." }),
              archiveLookupUrl: z.url().meta({
                description: "The Wayback Machine's list of snapshots of the original.",
              }),
              accessed: day,
              kind: z.enum(SOURCE_KINDS),
            }),
          }),
        ),
      }),
    ),
  })
  .meta({
    title: "DJI Claims Check dataset",
    description: "Every published fact-check on the site, with both ratings and full sources.",
  });

export type Dataset = z.infer<typeof datasetSchema>;

/** What the dataset needs of each published claim page (see claim-page.ts). */
export type DatasetClaim = Pick<
  ClaimPageData,
  "claim" | "claimant" | "propositionBy" | "sources" | "url" | "evidence"
>;

const rating = (key: (typeof RATING_KEYS)[number]) => {
  const { label, value } = getRating(key);
  return { key, label, value };
};

/** The dataset of the published claims it is given, in the order given. */
export function buildDataset(
  entries: readonly DatasetClaim[],
  site: string,
  generated: Date,
): Dataset {
  return {
    schemaVersion: DATASET_SCHEMA_VERSION,
    generated: isoDay(generated),
    site,
    license: "CC BY 4.0 for our text and ratings; quoted passages remain their authors'.",
    claims: entries.map(({ claim, claimant, propositionBy, sources, url, evidence }, index) => ({
      id: claim.id,
      url,
      title: claim.data.title,
      claim: claim.data.claim,
      proposition: claim.data.proposition ?? null,
      propositionBy: propositionBy ? { id: propositionBy.id, name: propositionBy.data.name } : null,
      claimant: { id: claimant.id, name: claimant.data.name, kind: claimant.data.kind },
      // The position among published claims: editors may leave gaps in `order`.
      appearance: { order: index + 1, location: claim.data.appearance.location },
      verdict: rating(claim.data.verdict),
      reporting: rating(claim.data.reporting),
      answer: claim.data.answer,
      inBrief: claim.data.inBrief,
      bottomLine: claim.data.bottomLine,
      published: isoDay(claim.data.published),
      updated: isoDay(claim.data.updated),
      evidenceLastSearched: isoDay(evidence.searched),
      newestSourceDate: isoDay(evidence.newestSource.data.date),
      corrections: claim.data.corrections.map(({ date, kind, text }) => ({
        date: isoDay(date),
        kind,
        text,
      })),
      citations: sources.flatMap(({ source, passages }) =>
        passages.map(({ label, passage, locator }) => ({
          label,
          passage,
          locator: locator ?? null,
          source: {
            id: source.id,
            title: source.data.title,
            titleUnconfirmed: source.data.titleUnconfirmed,
            publisher: source.data.publisher,
            publisherDomain: source.data.publisherDomain,
            author: source.data.author ?? null,
            date: isoDay(source.data.date),
            datePrecision: source.data.datePrecision,
            url: source.data.url,
            offDomainReason: source.data.offDomainReason ?? null,
            copy: source.data.copy ?? null,
            archiveUrl: source.data.archiveUrl ?? null,
            archiveLookupUrl: archiveLookupUrl(source.data.url),
            accessed: isoDay(source.data.accessed),
            kind: source.data.kind,
          },
        })),
      ),
    })),
  };
}

/** The JSON Schema (draft 2020-12) that /claims.json follows. */
export function datasetJsonSchema(id: string): Record<string, unknown> {
  return { $id: id, ...z.toJSONSchema(datasetSchema, { target: "draft-2020-12" }) };
}

const CSV_COLUMNS = [
  "id",
  "url",
  "order",
  "claimant",
  "claim",
  "proposition",
  "verdict",
  "reporting",
  "answer",
  "bottomLine",
  "published",
  "updated",
  "evidenceLastSearched",
  "newestSourceDate",
  "sourceUrls",
] as const;

/**
 * RFC 4180 CSV, one row per claim; sources are joined by spaces. A cell that a
 * spreadsheet would run as a formula (starting =, +, -, @, tab or return) is
 * prefixed with an apostrophe, as OWASP recommends, and every cell is quoted,
 * so a spreadsheet that splits on semicolons cannot find a formula inside one
 * ("x;@SUM(...)"). The JSON stays exact.
 */
export function datasetCsv(dataset: Dataset): string {
  const rows = dataset.claims.map((claim) => [
    claim.id,
    claim.url,
    claim.appearance.order,
    claim.claimant.name,
    claim.claim,
    claim.proposition ?? "",
    claim.verdict.label,
    claim.reporting.label,
    claim.answer,
    claim.bottomLine,
    claim.published,
    claim.updated,
    claim.evidenceLastSearched,
    claim.newestSourceDate,
    [...new Set(claim.citations.map(({ source }) => source.url))].join(" "),
  ]);
  return stringify([[...CSV_COLUMNS], ...rows], {
    escape_formulas: true,
    quoted: true,
    record_delimiter: "\r\n",
  });
}
