import { describe, expect, test } from "vitest";
import { claimRssItems, correctionJsonFeed, correctionRssItems } from "@/lib/feeds";
import { fixtureEntries } from "./entries";

const { claims } = fixtureEntries();
const claim = claims[0]!;
const link = (id: string) => `https://site.test/claims/${id}/`;
const meta = {
  title: "Corrections",
  homePageUrl: "https://site.test/",
  feedUrl: "https://site.test/corrections.json",
  description: "Every correction.",
  language: "en",
};
const hostile = '<img src="https://evil.test/pixel.png"><a href="https://evil.test">log in</a>';

describe("the RSS feeds", () => {
  // Readers render an RSS description as HTML; ours is plain text.
  test("show markup in a bottom line as written, never as HTML", () => {
    const [item] = claimRssItems(
      [{ ...claim, data: { ...claim.data, bottomLine: hostile } }],
      link,
    );
    expect(item?.description).not.toContain("<img");
    expect(item?.description).toContain('&lt;img src="https://evil.test/pixel.png"&gt;');
  });

  test("show markup in a correction as written, never as HTML", () => {
    const [item] = correctionRssItems(
      [{ claim, number: 1, date: new Date("2026-11-29"), kind: "correction", text: hostile }],
      link,
    );
    expect(item?.description).not.toContain("<a ");
    expect(item?.description).toContain("&lt;a href=");
  });
});

describe("the RSS titles", () => {
  test("show markup in a title as written", () => {
    const [item] = claimRssItems([{ ...claim, data: { ...claim.data, title: hostile } }], link);
    expect(item?.title).not.toContain("<img");
  });

  // Escaped twice (as HTML, then as XML), "DJI's" read "DJI&#39;s" in readers.
  test("keep apostrophes and quotes as they are", () => {
    const title = `Engadget: 'Homeland Security' says DJI's "spying"`;
    const [item] = claimRssItems([{ ...claim, data: { ...claim.data, title } }], link);
    expect(item?.title).toBe(title);
  });
});

describe("a claim's feed item", () => {
  test("opens with the one-line answer, then the ratings in the site's order", () => {
    const [item] = claimRssItems([claim], link);
    expect(item?.description).toContain(
      `${claim.data.answer} Is it true? Unproven. How Engadget reported it: Accurate. ${claim.data.bottomLine}`,
    );
  });
});

describe("the corrections feeds", () => {
  // A reader keeps the items it has seen by id: a new entry must get an id
  // of its own, and old entries must keep theirs when new ones arrive.
  test("give every entry its own stable link and id, however the log grows", () => {
    const entry = (number: number, day: string) => ({
      claim,
      number,
      date: new Date(day),
      kind: "update" as const,
      text: `Entry ${number}.`,
    });
    const before = [entry(1, "2026-11-20"), entry(2, "2026-11-24")];
    const after = [entry(3, "2026-11-29"), ...before];
    const ids = (log: typeof before) =>
      correctionJsonFeed(log, link, meta).items.map(({ id }) => id);
    expect(new Set(ids(after)).size).toBe(3);
    expect(ids(after).slice(1)).toEqual(ids(before));
    expect(correctionRssItems(after, link).map((item) => item.link)).toEqual(ids(after));
    expect(ids(after)[0]).toMatch(/#change-3$/);
  });
});
