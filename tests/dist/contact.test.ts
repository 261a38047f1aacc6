import { describe, expect, test } from "vitest";
import { BASE, builtPages } from "./site";

/** A way to reach us: the repository's correction form or an email address. */
const CONTACT_LINK =
  'a[href*="/issues/new?template=correction.yml"], a[href^="mailto:"][href*="@"]';

const pages = builtPages();
const mustShowContact = pages.filter(
  (page) =>
    [`${BASE}about/`, `${BASE}corrections/`].includes(page.url) ||
    (page.file.startsWith("claims/") && page.file !== "claims/index.html"),
);

describe("a reader who wants to reach us", () => {
  test("finds the about page, the corrections page and every claim page", () => {
    expect(mustShowContact.length).toBeGreaterThan(3);
  });

  test.each(mustShowContact.map((page) => [page.url, page] as const))(
    "finds a working contact route on %s, not a link back to the corrections page",
    (_, page) => {
      expect(page.$(CONTACT_LINK).length, `${page.source}: no contact link`).toBeGreaterThan(0);
      const loops = page
        .$("a")
        .filter((__, link) => /report an error/i.test(page.$(link).text()))
        .map((__, link) => page.$(link).attr("href") ?? "")
        .get()
        .filter((href) => href.startsWith(`${BASE}corrections/`));
      expect(loops, `${page.source}: "Report an error" leads back to the corrections page`).toEqual(
        [],
      );
    },
  );
});
