/**
 * The published claims as the dist and browser tests expect to find them, read from
 * content/ with the same loader the content check uses.
 */
import { fileURLToPath } from "node:url";
import { isPublishedCheck } from "../../src/content-check/corrections";
import { loadContent } from "../../src/content-check/load";
import { getRating, ratingPhrase, type RatingKey } from "../../src/schemas/ratings";

export interface ExpectedClaim {
  id: string;
  title: string;
  claim: string;
  /** What ClaimReview publishes as the claim reviewed: the proposition, else the claim. */
  claimReviewed: string;
  order: number;
  reporting: string;
  verdict: string;
  verdictKey: string;
  /** Each rating as a badge's accessible name: "Is it true? Unproven". */
  verdictName: string;
  reportingName: string;
  /** The one-line answer. */
  answer: string;
  inBrief: string[];
  seeAlso: { claim: string; label: string } | undefined;
  bottomLine: string;
  published: string;
  /** Distinct sources cited: the source list shows each once. */
  sourceCount: number;
}

const root = fileURLToPath(new URL("../../", import.meta.url));

const claimFiles = loadContent(root)
  .files.filter((file) => file.collection === "claims")
  .map((file) => ({ id: file.id, data: file.data as Record<string, unknown> }));

/** Withdrawn claims: each address shows only the notice of its withdrawal. */
export const WITHDRAWN_IDS: string[] = claimFiles
  .filter(({ data }) => data["withdrawn"] === true)
  .map(({ id }) => id);

export const CLAIMS: ExpectedClaim[] = claimFiles
  .filter(({ data }) => isPublishedCheck(data))
  .map(({ id, data }) => ({
    id,
    title: String(data["title"]),
    claim: String(data["claim"]),
    claimReviewed: String(data["proposition"] ?? data["claim"]),
    order: Number((data["appearance"] as { order: number }).order),
    reporting: getRating(data["reporting"] as RatingKey).label,
    verdict: getRating(data["verdict"] as RatingKey).label,
    verdictKey: String(data["verdict"]),
    verdictName: ratingPhrase("verdict", data["verdict"] as RatingKey),
    reportingName: ratingPhrase("reporting", data["reporting"] as RatingKey),
    answer: String(data["answer"]),
    inBrief: data["inBrief"] as string[],
    seeAlso: data["seeAlso"] as { claim: string; label: string } | undefined,
    published: (data["published"] as Date).toISOString().slice(0, 10),
    bottomLine: String(data["bottomLine"]),
    sourceCount: new Set((data["citations"] as { source: string }[]).map(({ source }) => source))
      .size,
  }))
  .sort((a, b) => a.order - b.order);
