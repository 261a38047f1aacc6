import { describe, expect, test } from "vitest";
import {
  assembleClaimPage,
  citationOrder,
  correctionDays,
  credibleChange,
  groupCitations,
} from "@/lib/claim-page";
import { contactRoutes } from "@/lib/deployment";
import { fixtureEntries } from "./entries";

const { claims, claimants, sources } = fixtureEntries();
const sourcesById = new Map(sources.map((source) => [source.id, source]));
const claim = claims[0]!;

/** The fixture claim with its text citing `order`, and `citations` as given. */
function withText(order: string[], citations = claim.data.citations) {
  return {
    ...claim,
    body: order.map((id) => `A sentence.<Cite id="${id}" />`).join(" "),
    data: { ...claim.data, citations },
  };
}

const page = (repository = "https://github.com/o/r", shown = claim) =>
  assembleClaimPage({
    claim: shown,
    claimant: claimants[0]!,
    firstAppearance: undefined,
    sourcesById,
    site: new URL("https://site.test/"),
    lastChanged: new Date("2026-11-28"),
    repository,
    contact: contactRoutes(repository, {}),
  });

describe("the 'last changed' date from git", () => {
  const updated = new Date("2026-11-24");
  const today = new Date("2026-11-29");
  test("is shown when it falls between the page's last update and today", () => {
    expect(credibleChange(new Date("2026-11-28"), updated, today)).toEqual(new Date("2026-11-28"));
    expect(credibleChange(updated, updated, today)).toEqual(updated);
  });

  // A pull request's commits carry whatever date their author's machine gave.
  test("is not shown when it is before the page's recorded update, or in the future", () => {
    expect(credibleChange(new Date("2026-11-01"), updated, today)).toBeUndefined();
    expect(credibleChange(new Date("2026-12-25"), updated, today)).toBeUndefined();
    expect(credibleChange(undefined, updated, today)).toBeUndefined();
  });
});

describe("a claim page's data", () => {
  test("describes its social card with the title, the answer and both ratings in order", () => {
    expect(page().cardAlt).toBe(
      `Social card: ${claim.data.title}. ${claim.data.answer} Is it true? Unproven. How Engadget reported it: Accurate.`,
    );
  });

  test("links its card by an address that changes when what the card says changes", () => {
    // Social networks keep a preview's image by its address: a correction
    // must give the card a new one, or shared links keep the old verdict.
    const card = new URL(page().card, "https://site.test/");
    expect(card.pathname).toBe(`/cards/${claim.id}.png`);
    expect(card.searchParams.get("v")).toMatch(/^[0-9a-f]{12}$/);
    expect(page().card).toBe(page("https://github.com/o/other").card);
    const corrected = { ...claim, data: { ...claim.data, verdict: "inaccurate" as const } };
    expect(page(undefined, corrected).card).not.toBe(page().card);
    const reworded = { ...claim, data: { ...claim.data, answer: `${claim.data.answer} Still.` } };
    expect(page(undefined, reworded).card).not.toBe(page().card);
  });

  test("reads citations in the order the text first uses them", () => {
    expect(citationOrder('a<Cite id="b" /> c<Cite id="a" /> d<Cite id="b" />')).toEqual(["b", "a"]);
  });

  test("numbers sources by first use, not by frontmatter order", () => {
    const grouped = groupCitations(withText(["story", "report"]), sourcesById);
    expect(grouped.map(({ source }) => source.id)).toEqual(["newspaper-story", "agency-report"]);
    expect(grouped.map(({ passages }) => passages.map(({ label }) => label))).toEqual([
      ["1"],
      ["2"],
    ]);
  });

  test("lists a source once and letters its passages", () => {
    const citations = [
      ...claim.data.citations,
      { id: "report-again", source: claim.data.citations[0]!.source, passage: "Another line." },
    ];
    const grouped = groupCitations(
      withText(["report", "story", "report-again"], citations),
      sourcesById,
    );
    expect(grouped).toHaveLength(2);
    expect(
      grouped[0]?.passages.map(({ label, anchor, backAnchor }) => [label, anchor, backAnchor]),
    ).toEqual([
      ["1a", "source-1a", "cite-1a"],
      ["1b", "source-1b", "cite-1b"],
    ]);
  });

  // Each marker has its own anchor, so the source list leads back to each.
  test("counts how many markers cite each passage", () => {
    const grouped = groupCitations(withText(["report", "story", "report"]), sourcesById);
    expect(grouped.flatMap(({ passages }) => passages.map(({ id, uses }) => [id, uses]))).toEqual([
      ["report", 2],
      ["story", 1],
    ]);
  });

  test("says when the evidence stops: last searched, and the newest source cited", () => {
    const data = page();
    expect(data.evidence.searched).toEqual(claim.data.evidenceAsOf);
    const newest = [...sourcesById.values()].sort((a, b) => +b.data.date - +a.data.date)[0];
    expect(data.evidence.newestSource.id).toBe(newest?.id);
  });

  test("builds edit, history and report links from the file's path", () => {
    const { links } = page();
    expect(links.edit).toBe(`https://github.com/o/r/edit/main/${claim.filePath}`);
    expect(links.history).toBe(`https://github.com/o/r/commits/main/${claim.filePath}`);
    expect(links.contact.correctionForm).toMatch(
      /^https:\/\/github\.com\/o\/r\/issues\/new\?template=correction\.yml&title=Correction/,
    );
  });

  test("without a repository, reports go by email to the deployment's address", () => {
    const { links } = assembleClaimPage({
      claim,
      claimant: claimants[0]!,
      firstAppearance: undefined,
      sourcesById,
      site: new URL("https://site.test/"),
      lastChanged: undefined,
      repository: undefined,
      contact: contactRoutes(undefined, { CONTACT_EMAIL: "corrections@site.test" }),
    });
    expect(links.edit).toBeUndefined();
    expect(links.history).toBeUndefined();
    expect(links.contact.correctionForm).toBeUndefined();
    expect(links.contact.email).toEqual({
      address: "corrections@site.test",
      href: `mailto:corrections@site.test?subject=${encodeURIComponent(`Correction: ${claim.data.title}`)}`,
    });
  });
});

describe("the corrections notice", () => {
  test("names each day once, with what was logged on it, newest first", () => {
    const entry = (date: string, kind: "correction" | "update") => ({
      date: new Date(date),
      kind,
      text: "What changed.",
    });
    const days = correctionDays([
      entry("2026-11-29", "update"),
      entry("2026-11-29", "correction"),
      entry("2026-11-29", "update"),
      entry("2026-11-24", "update"),
    ]);
    expect(days.map(({ date, summary }) => [date.toISOString().slice(0, 10), summary])).toEqual([
      ["2026-11-29", "1 correction and 2 updates"],
      ["2026-11-24", "1 update"],
    ]);
  });
});
