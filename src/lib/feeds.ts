/**
 * Feed builders: the claims and the corrections log as RSS items and as
 * JSON Feed 1.1. Plain functions of the data, so tests can call them.
 */
import type { RSSFeedItem } from "@astrojs/rss";
import { RATING_DIMENSION_ORDER, ratingPhrase } from "@/schemas/ratings";
import type { Claim, CorrectionLogEntry } from "@/lib/claims";

export interface FeedLink {
  /** Absolute URL of a claim page. */
  (claimId: string): string;
}

function claimSummary(claim: Claim): string {
  const ratings = RATING_DIMENSION_ORDER.map(
    (dimension) => `${ratingPhrase(dimension, claim.data[dimension])}.`,
  );
  return [claim.data.answer, ...ratings, claim.data.bottomLine].join(" ");
}

/** Newest first by publication date, then story order. */
function newestFirst(claims: readonly Claim[]): Claim[] {
  return [...claims].sort(
    (a, b) =>
      b.data.published.getTime() - a.data.published.getTime() ||
      a.data.appearance.order - b.data.appearance.order,
  );
}

/**
 * Plain text for a feed reader that may render it as HTML: markup shows as
 * written. Only &, < and > are escaped; quotes and apostrophes stay as they
 * are, or a reader that shows text as text would print "DJI&#39;s".
 */
function asText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const KIND_TITLES: Record<CorrectionLogEntry["kind"], string> = {
  correction: "Correction",
  update: "Update",
  withdrawal: "Withdrawn",
};

const correctionTitle = ({ kind, claim }: CorrectionLogEntry) =>
  `${KIND_TITLES[kind]}: ${claim.data.title}`;

/**
 * The entry's own place on its claim's page (CorrectionsList's anchors). It
 * is the item's link and its id (RSS's guid is its link), one per entry and
 * never reused: the log only grows, so an entry's number never changes, and
 * a feed reader shows each new entry as new.
 */
const entryLink = (link: FeedLink, { claim, number }: CorrectionLogEntry) =>
  `${link(claim.id)}#change-${number}`;

export function claimRssItems(claims: readonly Claim[], link: FeedLink): RSSFeedItem[] {
  return newestFirst(claims).map((claim) => ({
    // Readers may render titles as HTML too; ours are plain text.
    title: asText(claim.data.title),
    link: link(claim.id),
    pubDate: claim.data.published,
    // RSS readers render a description as HTML; ours is plain text, so any
    // markup in it must show as written, not run.
    description: asText(claimSummary(claim)),
  }));
}

export function correctionRssItems(
  log: readonly CorrectionLogEntry[],
  link: FeedLink,
): RSSFeedItem[] {
  return log.map((entry) => ({
    title: asText(correctionTitle(entry)),
    link: entryLink(link, entry),
    pubDate: entry.date,
    description: asText(entry.text),
  }));
}

export interface JsonFeed {
  version: "https://jsonfeed.org/version/1.1";
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  items: {
    id: string;
    url: string;
    title: string;
    summary: string;
    content_text: string;
    date_published: string;
    date_modified?: string;
  }[];
}

interface JsonFeedMeta {
  title: string;
  homePageUrl: string;
  feedUrl: string;
  description: string;
  language: string;
}

function jsonFeed(meta: JsonFeedMeta, items: JsonFeed["items"]): JsonFeed {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: meta.title,
    home_page_url: meta.homePageUrl,
    feed_url: meta.feedUrl,
    description: meta.description,
    language: meta.language,
    items,
  };
}

export function claimJsonFeed(
  claims: readonly Claim[],
  link: FeedLink,
  meta: JsonFeedMeta,
): JsonFeed {
  return jsonFeed(
    meta,
    newestFirst(claims).map((claim) => ({
      id: link(claim.id),
      url: link(claim.id),
      title: claim.data.title,
      summary: claim.data.bottomLine,
      content_text: claimSummary(claim),
      date_published: claim.data.published.toISOString(),
      date_modified: claim.data.updated.toISOString(),
    })),
  );
}

export function correctionJsonFeed(
  log: readonly CorrectionLogEntry[],
  link: FeedLink,
  meta: JsonFeedMeta,
): JsonFeed {
  return jsonFeed(
    meta,
    log.map((entry) => ({
      id: entryLink(link, entry),
      url: entryLink(link, entry),
      title: correctionTitle(entry),
      summary: entry.text,
      content_text: entry.text,
      date_published: entry.date.toISOString(),
    })),
  );
}
