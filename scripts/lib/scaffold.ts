/**
 * Templates for new content files: every field present, each explained by the
 * description the schema gives it, so a template can never fall behind the
 * schema. Every value an editor must choose starts with PLACEHOLDER; the
 * content check names each one left (in a draft claim's text it waits until
 * the claim is published).
 */
import { z } from "astro/zod";
import { KEBAB_CASE, PLACEHOLDER } from "../../src/schemas/fields.ts";
import {
  CLAIMANT_KINDS,
  ID_REFERENCES,
  SOURCE_KINDS,
  claimSchema,
  claimantSchema,
  sourceSchema,
  timelineEventSchema,
} from "../../src/schemas/index.ts";
import { RATING_KEYS } from "../../src/schemas/ratings.ts";

const CLAIM = claimSchema(ID_REFERENCES);
const SOURCE = sourceSchema();
const CLAIMANT = claimantSchema();
const EVENT = timelineEventSchema(ID_REFERENCES);

/** A field's description, looking through .optional() and .default() wrappers. */
export function describe(schema: z.ZodObject, field: string): string {
  let node = schema.shape[field] as z.ZodType | undefined;
  let description: string | undefined;
  while (node && !(description = z.globalRegistry.get(node)?.description)) {
    node =
      node instanceof z.ZodOptional || node instanceof z.ZodDefault
        ? (node.unwrap() as z.ZodType)
        : undefined;
  }
  if (!description) throw new Error(`The schema gives ${field} no description`);
  return description;
}

/** A YAML comment block, wrapped at 80 columns. */
function comment(text: string, indent = ""): string {
  const lines: string[] = [];
  let line = `${indent}#`;
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > 80) {
      lines.push(line);
      line = `${indent}#`;
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join("\n");
}

/** A template line of `schema`: the field's description as a comment, then `name: value`. */
const fieldOf =
  (schema: z.ZodObject) =>
  (name: string, value: string): string =>
    `${comment(describe(schema, name))}\n${name}: ${value}`;

export function validateNewId(
  id: string | undefined,
  existing: readonly string[],
): string | undefined {
  if (!id) return "give the new file's id, e.g. npm run new:claim -- army-memo-date";
  if (!KEBAB_CASE.test(id)) {
    return `"${id}" is not kebab-case; the id becomes the page address, so use lower-case words joined by hyphens, e.g. army-memo-date`;
  }
  if (existing.includes(id))
    return `"${id}" already exists; choose another id or edit the existing file`;
  return undefined;
}

interface ClaimTemplateInput {
  today: string;
  /** An existing claimant id, shown as an example. */
  claimant: string;
  /** The highest `appearance.order` in use, shown as a guide. */
  lastOrder: number;
}

const RATING_CHOICES = `${PLACEHOLDER} one of ${RATING_KEYS.join(", ")} (see the ratings page)`;

/**
 * Every value the editor must choose is a placeholder, never a real-looking
 * default they could forget: the content check names each one left.
 */
export function claimTemplate({ today, claimant, lastOrder }: ClaimTemplateInput): string {
  const field = fieldOf(CLAIM);
  const date = (what: string) => `"${PLACEHOLDER} ${what}, as YYYY-MM-DD (today is ${today})"`;
  return `---
${field("title", `"${PLACEHOLDER} who said it: the statement being judged"`)}
${field("claim", `"${PLACEHOLDER} the claim, copied exactly from the story"`)}
${field("claimant", `"${PLACEHOLDER} the id of a file in content/claimants/, e.g. ${claimant}"`)}
${comment(describe(CLAIM, "appearance"))}
appearance:
  order: "${PLACEHOLDER} a number: where it comes in the story (the last claim is ${lastOrder}; 4.5 goes between 4 and 5)"
  location: "${PLACEHOLDER} Headline, Subtitle or Paragraph N"
${comment(describe(CLAIM, "firstAppearance"))}
# firstAppearance: the-id-of-a-source
${field("verdict", `"${RATING_CHOICES}"`)}
${field("reporting", `"${RATING_CHOICES}"`)}
${field("bottomLine", `"${PLACEHOLDER} one sentence a reader can take away."`)}
${field("answer", `"${PLACEHOLDER} Unproven: whether it is true; how the story reported it."`)}
${comment(describe(CLAIM, "inBrief"))}
inBrief:
  - "${PLACEHOLDER} a first point from the page"
  - "${PLACEHOLDER} a second point from the page"
${comment(describe(CLAIM, "seeAlso"))}
# seeAlso:
#   claim: story-opinion-absurd
#   label: What the evidence from 2017 to 2026 shows
${comment(describe(CLAIM, "citations"))}
citations:
  - id: first-citation
    source: "${PLACEHOLDER} the id of a file in content/sources/"
    passage: "${PLACEHOLDER} the exact passage from the source"
    # locator: page 1
${field("published", date("the day it is published"))}
${field("updated", date("the day of the last change"))}
${field("evidenceAsOf", date("the day you last searched for evidence"))}
${field("corrections", "[]")}
${field("draft", "true")}
---

## The claim in context

${PLACEHOLDER} who said it, where, and what the story did with it.

## What the evidence shows

${PLACEHOLDER} the evidence in your own words; end each factual sentence with
its citation.<Cite id="first-citation" />

## What came after

${PLACEHOLDER} later events that bear on the claim, with dates.

## What we could not confirm

${PLACEHOLDER} say plainly what remains unknown.

## Why these ratings

<RatingLabel of="verdict" /> ${PLACEHOLDER} why the claim itself earns its rating.

<RatingLabel of="reporting" /> ${PLACEHOLDER} why the story's reporting earns its
rating.
`;
}

/** A host that can never resolve (RFC 6761), which the content check reports as a placeholder. */
const PLACEHOLDER_HOST = `${PLACEHOLDER.toLowerCase().replace(":", "")}-with-the-publisher-domain.invalid`;

export function sourceTemplate(today: string): string {
  const field = fieldOf(SOURCE);
  return `${field("title", `"${PLACEHOLDER} the source's exact title"`)}
${field("titleUnconfirmed", "false")}
${field("publisher", `"${PLACEHOLDER} who published it"`)}
${comment(describe(SOURCE, "author"))}
# author: "Name Surname"
${field("date", `"${PLACEHOLDER} the day it was published, as YYYY-MM-DD"`)}
${field("datePrecision", "day")}
${field("publisherDomain", `"${PLACEHOLDER_HOST}"`)}
${field("url", `"https://${PLACEHOLDER_HOST}/"`)}
${comment(describe(SOURCE, "offDomainReason"))}
# offDomainReason: "The bulletin leaked; its author never published it."
${comment(describe(SOURCE, "copy"))}
# copy:
#   url: "https://..."
#   what: "A repost of the article on ..."
${comment(describe(SOURCE, "archiveUrl"))}
# archiveUrl: "https://web.archive.org/web/..."
${field("accessed", `"${PLACEHOLDER} the day you read it, as YYYY-MM-DD (today is ${today})"`)}
${field("kind", `"${PLACEHOLDER} one of ${SOURCE_KINDS.join(", ")}"`)}
${comment(describe(SOURCE, "note"))}
# note: "How the date was established, for example."
`;
}

export function claimantTemplate(): string {
  const field = fieldOf(CLAIMANT);
  return `${field("name", `"${PLACEHOLDER} the name readers know"`)}
${field("kind", `"${PLACEHOLDER} one of ${CLAIMANT_KINDS.join(", ")}"`)}
${field("description", `"${PLACEHOLDER} one sentence on who they are"`)}
${comment(describe(CLAIMANT, "url"))}
# url: "https://www.example.org/"
`;
}

export function timelineEventTemplate(today: string): string {
  const field = fieldOf(EVENT);
  return `${field("date", `"${PLACEHOLDER} the day it happened, as YYYY-MM-DD (today is ${today})"`)}
${field("datePrecision", "day")}
${field("title", `"${PLACEHOLDER} what happened, in a short line"`)}
${field("summary", `"${PLACEHOLDER} one or two sentences in your own words"`)}
${field("source", `"${PLACEHOLDER} the id of a file in content/sources/"`)}
${field("claims", "[]")}
`;
}
