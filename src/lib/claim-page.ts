/**
 * Everything a claim page shows, computed once by one typed function (the
 * model is Starlight's `generateRouteData`), so components only render and a
 * unit test can check a page's data without a browser.
 */
import type { CollectionEntry } from "astro:content";
import type { BreadcrumbList, ClaimReview, WithContext } from "schema-dts";
import type { Claim, Source } from "@/lib/claims";
import { cardAddress, claimCardAlt, claimCardFile, claimCardInput } from "@/lib/card-content";
import { contactLinks, type ContactLinks, type ContactRoutes } from "@/lib/deployment";
import { isoDay } from "@/lib/dates";
import { absolute } from "@/lib/site-urls";
import { buildBreadcrumbs, buildClaimReview } from "@/lib/structured-data";
import { claimPath, path } from "@/lib/urls";
import { CORRECTION_KINDS, type CorrectionKind } from "@/schemas";
import { SITE } from "@/site.config";

/** One day of a page's corrections log, as the notice at the top sums it up. */
export interface CorrectionDay {
  readonly date: Date;
  /** What was logged that day, e.g. "1 correction and 2 updates". */
  readonly summary: string;
}

/**
 * The corrections log by day, newest entries' day first: the notice at the
 * top names each day once, with how many corrections and updates it holds,
 * rather than repeating one date per entry.
 */
export function correctionDays(corrections: Claim["data"]["corrections"]): CorrectionDay[] {
  const days = new Map<string, { date: Date; counts: Record<CorrectionKind, number> }>();
  for (const { date, kind } of corrections) {
    const key = date.toISOString().slice(0, 10);
    const day = days.get(key) ?? { date, counts: { correction: 0, update: 0, withdrawal: 0 } };
    day.counts[kind] += 1;
    days.set(key, day);
  }
  return [...days.values()].map(({ date, counts }) => {
    const parts = CORRECTION_KINDS.flatMap((kind) =>
      counts[kind] === 0 ? [] : [`${counts[kind]} ${kind}${counts[kind] === 1 ? "" : "s"}`],
    );
    const last = parts.pop() ?? "";
    return { date, summary: parts.length > 0 ? `${parts.join(", ")} and ${last}` : last };
  });
}

/** One cited passage, as the text's marker and the source list show it. */
export interface CitedPassage {
  /** The citation's id in the claim's frontmatter. */
  readonly id: string;
  /** What the marker shows: "3", or "3b" when source 3 is cited for several passages. */
  readonly label: string;
  readonly passage: string;
  readonly locator: string | undefined;
  /** The passage's anchor in the source list. */
  readonly anchor: string;
  /** The anchor of the passage's first marker in the text, for "back to the text". */
  readonly backAnchor: string;
  /** How many markers in the text cite it; the second is at `${backAnchor}-2`, and so on. */
  readonly uses: number;
}

/** One source, listed once, with every passage the page cites from it. */
export interface CitedSource {
  /** 1-based, in the order the text first cites the source. */
  readonly number: number;
  readonly source: Source;
  readonly passages: readonly CitedPassage[];
}

export interface ClaimPageData {
  readonly claim: Claim;
  readonly claimant: CollectionEntry<"claimants">;
  /** Who asserted the proposition the verdict rates, when it is not the claimant. */
  readonly propositionBy: CollectionEntry<"claimants"> | undefined;
  /** The claim a reader most needs next (frontmatter `seeAlso`), when it is published. */
  readonly seeAlso: Claim | undefined;
  /** Absolute canonical URL. */
  readonly url: string;
  /** Site path of the page's social card, with the fingerprint of what it says (`?v=`). */
  readonly card: string;
  /** What the card says (og:image:alt). */
  readonly cardAlt: string;
  readonly sources: readonly CitedSource[];
  /** Each citation id's passage, for the markers in the text. */
  readonly passages: ReadonlyMap<string, CitedPassage>;
  /** The page's ClaimReview, or null for opinion. */
  readonly claimReview: WithContext<ClaimReview> | null;
  readonly breadcrumbs: WithContext<BreadcrumbList>;
  readonly evidence: {
    /** When the evidence was last searched for (frontmatter `evidenceAsOf`). */
    readonly searched: Date;
    /** The newest source the page cites, by its publication date. */
    readonly newestSource: Source;
  };
  /** The last commit that touched the file, when the history is complete. */
  readonly lastChanged: Date | undefined;
  readonly links: {
    /** Where to propose an edit, when the repository is known. */
    readonly edit: string | undefined;
    /** Every change to the file, when the repository is known. */
    readonly history: string | undefined;
    /** Where a reader reports an error: the correction form and the email address, as configured. */
    readonly contact: ContactLinks;
  };
}

/** A claim's file, from the project root: what edit, history and git dates refer to. */
export function claimFilePath(claim: Claim): string {
  return claim.filePath ?? `content/claims/${claim.id}.mdx`;
}

/** Citation ids in the order the text uses them, each as often as it is used. */
const citationUses = (body: string): string[] =>
  [...body.matchAll(/<Cite\s+id="([^"]+)"/g)].map((match) => match[1] ?? "");

/** Citation ids in the order the text first uses them. */
export function citationOrder(body: string): string[] {
  return [...new Set(citationUses(body))];
}

/**
 * Groups a claim's citations by source, numbering sources in the order the
 * text first cites them and lettering each source's passages in reading
 * order. A source cited for one passage has a number alone.
 */
export function groupCitations(
  claim: Claim,
  sourcesById: ReadonlyMap<string, Source>,
): CitedSource[] {
  const byId = new Map(claim.data.citations.map((citation) => [citation.id, citation]));
  const order = citationOrder(claim.body ?? "");
  const uses = citationUses(claim.body ?? "");
  // Citations the text never uses are refused by the content check; keep them last regardless.
  for (const id of byId.keys()) if (!order.includes(id)) order.push(id);

  type Citation = (typeof claim.data.citations)[number];
  const groups = new Map<string, { source: Source; citations: Citation[] }>();
  for (const id of order) {
    const citation = byId.get(id);
    if (!citation) continue;
    const source = sourcesById.get(citation.source.id);
    if (!source) throw new Error(`${claim.id}: unknown source ${citation.source.id}`);
    const group = groups.get(source.id) ?? { source, citations: [] };
    group.citations.push(citation);
    groups.set(source.id, group);
  }

  return [...groups.values()].map(({ source, citations }, index) => {
    const number = index + 1;
    return {
      number,
      source,
      passages: citations.map((citation, position) => {
        const label = citations.length === 1 ? `${number}` : `${number}${letter(position)}`;
        return {
          id: citation.id,
          label,
          passage: citation.passage,
          locator: citation.locator,
          anchor: `source-${label}`,
          backAnchor: `cite-${label}`,
          uses: uses.filter((used) => used === citation.id).length,
        };
      }),
    };
  });
}

/** a, b, ... z, aa, ab ... */
function letter(index: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz";
  return index < 26
    ? (alphabet[index] ?? "")
    : `${letter(Math.floor(index / 26) - 1)}${alphabet[index % 26] ?? ""}`;
}

/** The newest of the sources, by publication date. */
export function newestSource(sources: readonly CitedSource[]): Source {
  const [first, ...rest] = sources.map(({ source }) => source);
  if (!first) throw new Error("A claim page cites at least one source");
  return rest.reduce(
    (newest, source) => (source.data.date > newest.data.date ? source : newest),
    first,
  );
}

/** What a claim page is assembled from; `buildClaimPage` in claims.ts fetches it. */
export interface ClaimPageInput {
  readonly claim: Claim;
  readonly claimant: CollectionEntry<"claimants">;
  /** Who asserted the proposition the verdict rates, when it is not the claimant. */
  readonly propositionBy?: CollectionEntry<"claimants"> | undefined;
  /** The published claim `seeAlso` names, if any. */
  readonly seeAlso?: Claim | undefined;
  readonly firstAppearance: Source | undefined;
  readonly sourcesById: ReadonlyMap<string, Source>;
  readonly site: URL | undefined;
  /** The last commit that touched the claim's file, when known. */
  readonly lastChanged: Date | undefined;
  /** The repository for edit, history and report links, when known. */
  readonly repository: string | undefined;
  /** How readers reach us in this deployment, for the report link. */
  readonly contact: ContactRoutes;
}

/**
 * The last commit's date, unless it cannot be the page's last change: a
 * commit's date is whatever its author's machine said (a pull request can
 * date its commits a month back), so one before the page's own recorded
 * update, or after today, is not shown rather than shown wrong.
 */
export function credibleChange(
  committed: Date | undefined,
  updated: Date,
  today: Date = new Date(),
): Date | undefined {
  if (!committed) return undefined;
  const day = isoDay(committed);
  return day < isoDay(updated) || day > isoDay(today) ? undefined : committed;
}

/** A claim page's data from its parts: a pure function, so tests can call it. */
export function assembleClaimPage(input: ClaimPageInput): ClaimPageData {
  const { claim, claimant, firstAppearance, sourcesById, site, repository } = input;
  const sources = groupCitations(claim, sourcesById);
  const url = absolute(site, claimPath(claim.id));
  const home = absolute(site, path());
  const filePath = claimFilePath(claim);
  const cardInput = claimCardInput(claim, site);
  return {
    claim,
    claimant,
    propositionBy: input.propositionBy,
    seeAlso: input.seeAlso,
    url,
    card: cardAddress(claimCardFile(claim), cardInput),
    cardAlt: claimCardAlt(cardInput),
    sources,
    passages: new Map(
      sources.flatMap(({ passages }) => passages.map((passage) => [passage.id, passage])),
    ),
    claimReview: buildClaimReview({
      claim: claim.data,
      // The verdict rates the proposition: its author is whoever asserted it.
      claimant: (input.propositionBy ?? claimant).data,
      firstAppearance: firstAppearance?.data,
      url,
      publisher: { name: SITE.name, url: home },
      story: SITE.story,
    }),
    breadcrumbs: buildBreadcrumbs([
      { name: SITE.name, url: home },
      { name: "Claims", url: absolute(site, path("claims")) },
      { name: claim.data.title, url },
    ]),
    evidence: { searched: claim.data.evidenceAsOf, newestSource: newestSource(sources) },
    lastChanged: credibleChange(input.lastChanged, claim.data.updated),
    links: {
      edit: repository && `${repository}/edit/${SITE.branch}/${filePath}`,
      history: repository && `${repository}/commits/${SITE.branch}/${filePath}`,
      contact: contactLinks(input.contact, `Correction: ${claim.data.title}`),
    },
  };
}
