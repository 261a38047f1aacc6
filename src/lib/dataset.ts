/**
 * The public dataset: every published claim with both ratings, its claimant
 * and its sources in full. The export's shape is defined once, below; the
 * JSON Schema published at /claims.schema.json is generated from it.
 */
import { z } from "astro/zod";
import { isoDay } from "@/lib/dates";
import { RATING_KEYS, getRating } from "@/schemas/ratings";
import { SOURCE_KINDS } from "@/schemas";
import type { Claim, ResolvedCitation } from "@/lib/claims";
import type { CollectionEntry } from "astro:content";

/** Bump on any change that could break a reader of the data. */
export const DATASET_SCHEMA_VERSION = "1.0.0";

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
        claimant: z.strictObject({
          id: z.string(),
          name: z.string(),
          kind: z.enum(["Organization", "Person"]),
        }),
        appearance: z.strictObject({ order: z.number().int().min(1), location: z.string() }),
        reporting: ratingSchema.meta({ description: "Did the story report the claim faithfully?" }),
        verdict: ratingSchema.meta({
          description: "Does the claim itself hold up on the evidence?",
        }),
        bottomLine: z.string(),
        published: day,
        updated: day,
        evidenceAsOf: day,
        author: z.string(),
        reviewer: z.string(),
        corrections: z.array(
          z.strictObject({ date: day, kind: z.enum(["correction", "update"]), text: z.string() }),
        ),
        citations: z.array(
          z.strictObject({
            number: z.number().int().min(1),
            passage: z.string(),
            locator: z.string().nullable(),
            source: z.strictObject({
              id: z.string(),
              title: z.string(),
              titleUnconfirmed: z.boolean(),
              publisher: z.string(),
              author: z.string().nullable(),
              date: day,
              datePrecision: z.enum(["day", "month", "year", "approximate"]),
              url: z.url(),
              archiveUrl: z.url().nullable(),
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

export interface DatasetClaim {
  claim: Claim;
  claimant: CollectionEntry<"claimants">;
  citations: readonly ResolvedCitation[];
  url: string;
}

const rating = (key: (typeof RATING_KEYS)[number]) => {
  const { label, value } = getRating(key);
  return { key, label, value };
};

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
    claims: entries
      .filter(({ claim }) => !claim.data.draft)
      .map(({ claim, claimant, citations, url }) => ({
        id: claim.id,
        url,
        title: claim.data.title,
        claim: claim.data.claim,
        claimant: { id: claimant.id, name: claimant.data.name, kind: claimant.data.kind },
        appearance: claim.data.appearance,
        reporting: rating(claim.data.reporting),
        verdict: rating(claim.data.verdict),
        bottomLine: claim.data.bottomLine,
        published: isoDay(claim.data.published),
        updated: isoDay(claim.data.updated),
        evidenceAsOf: isoDay(claim.data.evidenceAsOf),
        author: claim.data.author,
        reviewer: claim.data.reviewer,
        corrections: claim.data.corrections.map(({ date, kind, text }) => ({
          date: isoDay(date),
          kind,
          text,
        })),
        citations: citations.map(({ number, passage, locator, source }) => ({
          number,
          passage,
          locator: locator ?? null,
          source: {
            id: source.id,
            title: source.data.title,
            titleUnconfirmed: source.data.titleUnconfirmed,
            publisher: source.data.publisher,
            author: source.data.author ?? null,
            date: isoDay(source.data.date),
            datePrecision: source.data.datePrecision,
            url: source.data.url,
            archiveUrl: source.data.archiveUrl ?? null,
            accessed: isoDay(source.data.accessed),
            kind: source.data.kind,
          },
        })),
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
  "reporting",
  "verdict",
  "bottomLine",
  "published",
  "updated",
  "evidenceAsOf",
  "sourceUrls",
] as const;

/** RFC 4180 CSV, one row per claim; sources are joined by spaces. */
export function datasetCsv(dataset: Dataset): string {
  const quote = (value: string | number) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = dataset.claims.map((claim) =>
    [
      claim.id,
      claim.url,
      claim.appearance.order,
      claim.claimant.name,
      claim.claim,
      claim.reporting.label,
      claim.verdict.label,
      claim.bottomLine,
      claim.published,
      claim.updated,
      claim.evidenceAsOf,
      [...new Set(claim.citations.map(({ source }) => source.url))].join(" "),
    ].map(quote),
  );
  return [CSV_COLUMNS.join(","), ...rows.map((row) => row.join(","))].join("\r\n") + "\r\n";
}
