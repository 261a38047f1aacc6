/**
 * Synthetic but schema-valid content for the build benchmark: claims shaped
 * like the real ones (frontmatter with a dozen citations, a body with the usual
 * sections and one <Cite /> per citation), the sources they cite and the one
 * claimant who made them. Generation is pure and seeded, so two runs with the
 * same options benchmark exactly the same text.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadContent } from "../../src/content-check/load.ts";
import { RATING_KEYS, getRating } from "../../src/schemas/ratings.ts";
import { ANSWER_MAX, DATE_PRECISIONS, SOURCE_KINDS } from "../../src/schemas/index.ts";

/** A file to write, with its path from the project root (forward slashes). */
export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

export interface SyntheticOptions {
  /** How many claims to generate. */
  readonly claims: number;
  /**
   * The story position of the first synthetic claim. `appearance.order` must
   * be unique across all claims, so this starts after the real ones.
   */
  readonly firstOrder: number;
  /**
   * Size of the source pool per claim. The real site has about four sources per
   * claim; two keeps the sources page and the "cited by" lookups realistic
   * without making the pool dwarf the claims.
   */
  readonly sourcesPerClaim?: number;
  /** Seed of the pseudo-random choices (words, ratings, sources). */
  readonly seed?: number;
}

/** Every generated id starts with this, so synthetic files never collide with real ones. */
export const SYNTHETIC_PREFIX = "bench";
export const SYNTHETIC_CLAIMANT = `${SYNTHETIC_PREFIX}-claimant`;
/** Citations per claim: the real claims have 8 to 18, most about a dozen. */
export const CITATIONS_PER_CLAIM = 12;
/** Distinct sources cited by each claim (the real ones cite 4 to 12). */
const SOURCES_PER_CITING_CLAIM = 8;

/** A word list written as prose-like lines, one word per whitespace-separated token. */
const words = (list: string): readonly string[] => list.trim().split(/\s+/);

// A small vocabulary on the subject of the site, so that pages, the search
// index and compressed output behave like real prose rather than lorem ipsum.
const NOUNS = words(`
  bulletin drone agency report statement memo assessment source company official analyst
  department firmware application server network dataset review audit letter policy ban test
  finding
`);
const ADJECTIVES = words(`
  leaked public internal independent official later earlier technical federal commercial
  unnamed cautious detailed partial formal brief
`);
const VERBS = words(`
  reported stated confirmed denied described questioned repeated assessed tested published
  cited summarised disputed examined
`);
const SECTION_TITLES = {
  context: "The claim in context",
  evidence: "What the evidence shows",
  after: "What came after",
  unknown: "What we could not confirm",
  ratings: "Why these ratings",
} as const;

/** Mulberry32: a tiny, fast, seedable generator; quality is ample for filler text. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers bound to one generator, so every choice comes from the same seeded stream. */
function chooser(random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = (words: number): string => {
    const parts: string[] = [];
    for (let index = 0; index < words; index += 1) {
      const kind = index % 3;
      parts.push(kind === 0 ? pick(ADJECTIVES) : kind === 1 ? pick(NOUNS) : pick(VERBS));
    }
    const text = parts.join(" ");
    return `The ${text}.`;
  };
  const sentences = (count: number, words = 14): string =>
    Array.from({ length: count }, () => sentence(words)).join(" ");
  return { pick, sentence, sentences };
}

const pad = (value: number, width: number): string => String(value).padStart(width, "0");

/** YAML double-quoted scalars accept JSON string syntax, so quoting is JSON.stringify. */
const quote = (value: string): string => JSON.stringify(value);

export function sourceId(index: number): string {
  return `${SYNTHETIC_PREFIX}-source-${pad(index + 1, 5)}`;
}

export function claimId(index: number): string {
  return `${SYNTHETIC_PREFIX}-claim-${pad(index + 1, 5)}`;
}

/**
 * The story position for the first synthetic claim of a project: after the
 * highest `appearance.order` among its real claims.
 */
export function firstSyntheticOrder(projectRoot: string): number {
  const orders = loadContent(projectRoot)
    .files.filter((file) => file.collection === "claims")
    .map((file) => {
      const appearance = (file.data as { appearance?: { order?: unknown } } | null)?.appearance;
      return typeof appearance?.order === "number" ? appearance.order : 0;
    });
  return Math.max(0, ...orders) + 1;
}

/** The number of sources generated for a number of claims. */
export function sourceCount(claims: number, sourcesPerClaim = 2): number {
  return Math.max(SOURCES_PER_CITING_CLAIM, Math.ceil(claims * sourcesPerClaim));
}

/** Every file of the synthetic content: the claimant, the sources, then the claims. */
export function generateSyntheticContent(options: SyntheticOptions): GeneratedFile[] {
  if (!Number.isInteger(options.claims) || options.claims < 1) {
    throw new Error(`claims must be a whole number of at least 1 (got ${options.claims})`);
  }
  const random = createRandom(options.seed ?? 20171130);
  const text = chooser(random);
  const sources = sourceCount(options.claims, options.sourcesPerClaim);
  const files: GeneratedFile[] = [
    {
      path: `content/claimants/${SYNTHETIC_CLAIMANT}.yaml`,
      text: [
        `name: "Benchmark Claimant"`,
        `kind: Organization`,
        `description: "A made-up organisation whose claims exist only to benchmark the build."`,
        `url: "https://example.org/"`,
        "",
      ].join("\n"),
    },
  ];
  for (let index = 0; index < sources; index += 1) {
    files.push({ path: `content/sources/${sourceId(index)}.yaml`, text: sourceYaml(index, text) });
  }
  for (let index = 0; index < options.claims; index += 1) {
    files.push({
      path: `content/claims/${claimId(index)}.mdx`,
      text: claimMdx(index, options.firstOrder + index, sources, random, text),
    });
  }
  return files;
}

function sourceYaml(index: number, text: ReturnType<typeof chooser>): string {
  // Vary the optional fields so every branch of the source templates renders.
  const precision = DATE_PRECISIONS[index % DATE_PRECISIONS.length] ?? "day";
  const lines = [
    `title: ${quote(`${text.sentence(8).slice(4, -1)} (${index + 1})`)}`,
    `publisher: ${quote(`Benchmark Publisher ${(index % 40) + 1}`)}`,
    `date: 2017-${pad((index % 12) + 1, 2)}-01`,
    `datePrecision: ${precision}`,
    `publisherDomain: "example.org"`,
    `url: "https://example.org/bench/source-${index + 1}"`,
    `accessed: 2026-11-24`,
    `kind: ${SOURCE_KINDS[index % SOURCE_KINDS.length] ?? "news-report"}`,
  ];
  if (index % 3 === 0) lines.push(`author: ${quote(`Reporter ${(index % 25) + 1}`)}`);
  if (index % 4 === 0)
    lines.push(`archiveUrl: "https://web.archive.org/web/2018/source-${index + 1}"`);
  if (precision === "approximate") lines.push(`note: ${quote(text.sentences(2))}`);
  return `${lines.join("\n")}\n`;
}

/**
 * A one-line answer in the site's form ("Unproven: ...; ..."), its second
 * half left out when both would go over the schema's limit, as an editor would.
 */
export function answerOf(plainAnswer: string, first: string, second: string): string {
  const both = `${plainAnswer}: ${first.slice(0, -1)}; ${second}`;
  return both.length <= ANSWER_MAX ? both : `${plainAnswer}: ${first}`;
}

function claimMdx(
  index: number,
  order: number,
  sourcePool: number,
  random: () => number,
  text: ReturnType<typeof chooser>,
): string {
  // Eight distinct sources, drawn around this claim's own slice of the pool so
  // every source ends up cited by a few claims, as on the real site.
  const chosen = new Set<number>();
  while (chosen.size < SOURCES_PER_CITING_CLAIM) {
    const offset = Math.floor(random() * SOURCES_PER_CITING_CLAIM * 3);
    chosen.add((index * 2 + offset) % sourcePool);
  }
  const cited = [...chosen];
  const citations = Array.from({ length: CITATIONS_PER_CLAIM }, (_, number) => ({
    id: `${text.pick(NOUNS)}-${number + 1}`,
    source: sourceId(cited[number % cited.length] ?? 0),
    passage: text.sentences(2, 12),
    locator: number % 3 === 0 ? `page ${number + 1}` : undefined,
  }));
  const reporting = text.pick(RATING_KEYS);
  const verdict = text.pick(RATING_KEYS);
  const corrected = index % 10 === 0;

  const frontmatter = [
    "---",
    `title: ${quote(`Synthetic claim ${index + 1}: ${text.sentence(6).slice(4, -1)}`)}`,
    `claim: ${quote(text.sentences(2))}`,
    `claimant: ${SYNTHETIC_CLAIMANT}`,
    ...(index % 2 === 0 ? [`firstAppearance: ${citations[0]?.source ?? sourceId(0)}`] : []),
    "appearance:",
    `  order: ${order}`,
    `  location: "Paragraph ${(index % 12) + 1}"`,
    `reporting: ${reporting}`,
    `verdict: ${verdict}`,
    `bottomLine: ${quote(text.sentences(2))}`,
    `answer: ${quote(answerOf(getRating(verdict).plainAnswer, text.sentence(8), text.sentence(6)))}`,
    "inBrief:",
    `  - ${quote(text.sentence(10))}`,
    `  - ${quote(text.sentence(10))}`,
    "citations:",
    ...citations.flatMap((citation) => [
      `  - id: ${citation.id}`,
      `    source: ${citation.source}`,
      `    passage: ${quote(citation.passage)}`,
      ...(citation.locator ? [`    locator: ${quote(citation.locator)}`] : []),
    ]),
    "published: 2026-11-20",
    "updated: 2026-11-24",
    "evidenceAsOf: 2026-11-24",
    ...(corrected
      ? [
          "corrections:",
          "  - date: 2026-11-22",
          "    kind: update",
          `    text: ${quote(text.sentence(10))}`,
        ]
      : []),
    "draft: false",
    "---",
  ];

  // One marker per citation, spread over the sections like the real claims:
  // two in context, four in the evidence, five in the bullets, one in ratings.
  const cite = (number: number): string => {
    const citation = citations[number];
    return citation ? `<Cite id="${citation.id}" />` : "";
  };
  const paragraph = (count: number, ...markers: number[]): string =>
    `${text.sentences(count)}${markers.map(cite).join("")}`;
  const body = [
    `## ${SECTION_TITLES.context}`,
    paragraph(3, 0),
    paragraph(2, 1),
    `## ${SECTION_TITLES.evidence}`,
    `**The quote.** ${paragraph(3, 2)} ${paragraph(1, 3)}`,
    `**The support offered.** ${paragraph(3, 4)}`,
    `**The response.** ${paragraph(2, 5)}`,
    `## ${SECTION_TITLES.after}`,
    [6, 7, 8, 9, 10].map((number) => `- ${paragraph(2, number)}`).join("\n"),
    `## ${SECTION_TITLES.unknown}`,
    paragraph(4),
    `## ${SECTION_TITLES.ratings}`,
    `<RatingLabel of="verdict" /> ${paragraph(3, 11)}`,
    `<RatingLabel of="reporting" /> ${paragraph(2)}`,
  ];
  return `${frontmatter.join("\n")}\n\n${body.join("\n\n")}\n`;
}

/** Writes generated files under `root`, creating folders as needed. */
export function writeFiles(root: string, files: readonly GeneratedFile[]): void {
  for (const file of files) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
}
