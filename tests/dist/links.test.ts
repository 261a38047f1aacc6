import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { BASE, DIST, SITE_URL, builtPages, locate } from "./site";

/** Link text that tells a reader nothing about where the link goes. */
const VAGUE = /^(here|click here|read more|more|this|link|this link|learn more|see here|go)$/i;

const pages = builtPages();
const ids = new Map(
  pages.map((page) => [
    page.url,
    new Set(
      page
        .$("[id]")
        .map((_, el) => page.$(el).attr("id"))
        .get(),
    ),
  ]),
);

/** The dist file an internal URL path resolves to, if any. */
function target(pathname: string): string | undefined {
  if (!pathname.startsWith(BASE)) return undefined;
  const inside = decodeURIComponent(pathname.slice(BASE.length));
  for (const candidate of [inside, join(inside, "index.html")]) {
    if (candidate && existsSync(join(DIST, candidate)) && !candidate.endsWith("/"))
      return candidate;
  }
  return inside === "" && existsSync(join(DIST, "index.html")) ? "index.html" : undefined;
}

describe("links in the built site", () => {
  test("every internal link and #fragment resolves", () => {
    const broken: string[] = [];
    for (const page of pages) {
      page.$("a[href], link[href], img[src], script[src]").each((_, element) => {
        const node = page.$(element);
        const raw = node.attr("href") ?? node.attr("src") ?? "";
        // A full address on the site's own origin is internal too: a page moved
        // or withdrawn leaves it broken like any other.
        const ownOrigin = URL.canParse(raw) && new URL(raw).origin === new URL(SITE_URL).origin;
        if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(raw) && !ownOrigin) return; // external: checked below
        const url = ownOrigin ? new URL(raw) : new URL(raw, `http://site.test${page.url}`);
        const file = url.pathname === page.url ? page.file : target(url.pathname);
        if (!file) {
          broken.push(
            `${locate(page.source, raw)}: ${page.url} links to ${raw}, which is not in the site`,
          );
          return;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && file.endsWith(".html")) {
          const targetUrl = BASE + file.replace(/index\.html$/, "");
          if (!ids.get(targetUrl)?.has(fragment)) {
            broken.push(
              `${locate(page.source, raw)}: ${page.url} links to ${raw}, but ${targetUrl} has no id "${fragment}"`,
            );
          }
        }
      });
    }
    expect(broken).toEqual([]);
  });

  test("external links are well-formed web or mail addresses", () => {
    const bad: string[] = [];
    for (const page of pages) {
      page.$("a[href]").each((_, element) => {
        const href = page.$(element).attr("href") ?? "";
        if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) return;
        try {
          const url = new URL(href);
          if (!["http:", "https:", "mailto:"].includes(url.protocol)) throw new Error(url.protocol);
          if (url.protocol !== "mailto:" && !url.hostname.includes(".")) throw new Error("no host");
        } catch {
          bad.push(`${locate(page.source, href)}: ${page.url} has a malformed link ${href}`);
        }
      });
    }
    expect(bad).toEqual([]);
  });

  test("no link is labelled with vague text such as “here” or “read more”", () => {
    const vague: string[] = [];
    for (const page of pages) {
      page.$("a").each((_, element) => {
        const node = page.$(element);
        const name = (node.attr("aria-label") ?? node.text()).replace(/\s+/g, " ").trim();
        if (VAGUE.test(name))
          vague.push(
            `${locate(page.source, name)}: ${page.url} has a link labelled “${name}”; say where it goes`,
          );
      });
    }
    expect(vague).toEqual([]);
  });
});
