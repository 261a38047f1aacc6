/**
 * Templates for new content files: every field present, each explained by the
 * description the schema gives it, so a template can never fall behind the
 * schema. Values an editor must replace start with PLACEHOLDER; the content
 * check refuses them once a claim is published.
 */
import { z } from "astro/zod";
import { KEBAB_CASE, PLACEHOLDER } from "../../src/schemas/fields.ts";
import { ID_REFERENCES, claimSchema, sourceSchema } from "../../src/schemas/index.ts";

const CLAIM = claimSchema(ID_REFERENCES);
const SOURCE = sourceSchema();

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
  /** An existing source id, cited by the example citation. */
  source: string;
  /** The next free position in story order. */
  order: number;
}

export function claimTemplate({ today, claimant, source, order }: ClaimTemplateInput): string {
  const field = (name: string, value: string) =>
    `${comment(describe(CLAIM, name))}\n${name}: ${value}`;
  return `---
${field("title", `"${PLACEHOLDER} who said it: the statement being judged"`)}
${field("claim", `"${PLACEHOLDER} the claim, copied exactly from the story"`)}
${field("claimant", claimant)}
${comment(describe(CLAIM, "appearance"))}
appearance:
  order: ${order}
  location: "${PLACEHOLDER} Headline, Subtitle or Paragraph N"
${comment(describe(CLAIM, "firstAppearance"))}
# firstAppearance: ${source}
${field("verdict", "unproven")}
${field("reporting", "unproven")}
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
    source: ${source}
    passage: "${PLACEHOLDER} the exact passage from the source"
    # locator: page 1
${field("published", today)}
${field("updated", today)}
${field("evidenceAsOf", today)}
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

${PLACEHOLDER} one paragraph for the reporting rating, one for the verdict.
`;
}

/** A host that can never resolve (RFC 6761), which the content check reports as a placeholder. */
const PLACEHOLDER_HOST = `${PLACEHOLDER.toLowerCase().replace(":", "")}-with-the-publisher-domain.invalid`;

export function sourceTemplate(today: string): string {
  const field = (name: string, value: string) =>
    `${comment(describe(SOURCE, name))}\n${name}: ${value}`;
  return `${field("title", `"${PLACEHOLDER} the source's exact title"`)}
${field("titleUnconfirmed", "false")}
${field("publisher", `"${PLACEHOLDER} who published it"`)}
${comment(describe(SOURCE, "author"))}
# author: "Name Surname"
${field("date", today)}
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
${field("accessed", today)}
${field("kind", "news-report")}
${comment(describe(SOURCE, "note"))}
# note: "How the date was established, for example."
`;
}
