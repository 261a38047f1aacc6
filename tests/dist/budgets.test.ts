import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { BASE, DIST, builtPages } from "./site";

/** About one TCP round trip (10 packets of ~1.4 KB), so a page paints at once. */
const FIRST_ROUND_TRIP_BYTES = 14 * 1024;

const pages = builtPages();

describe("the performance budget", () => {
  test("no page loads JavaScript except search", () => {
    const withScripts = pages
      .filter((page) => page.url !== `${BASE}search/`)
      .filter((page) =>
        page
          .$("script")
          .toArray()
          .some((script) => page.$(script).attr("type") !== "application/ld+json"),
      )
      .map((page) => `${page.source}: ${page.url} loads a script`);
    expect(withScripts).toEqual([]);
  });

  test.each(
    pages
      .filter((page) => page.file.startsWith("claims/") && page.file !== "claims/index.html")
      .map((page) => [page.url, page] as const),
  )("%s fits HTML and CSS into the first round trip (14 KB compressed)", (_, page) => {
    const css = page
      .$('link[rel="stylesheet"]')
      .map((__, link) => page.$(link).attr("href") ?? "")
      .get();
    const bytes = [
      page.html,
      ...css.map((href) => readFileSync(join(DIST, href.slice(BASE.length)), "utf8")),
    ]
      .map((text) => gzipSync(text, { level: 9 }).length)
      .reduce((sum, size) => sum + size, 0);
    expect(bytes, `${page.source}: ${bytes} bytes compressed`).toBeLessThanOrEqual(
      FIRST_ROUND_TRIP_BYTES,
    );
  });

  test("every image has a width and a height", () => {
    const missing = pages.flatMap((page) =>
      page
        .$("img")
        .toArray()
        .filter((img) => !page.$(img).attr("width") || !page.$(img).attr("height"))
        .map(
          (img) =>
            `${page.source}: ${page.url} has <img src="${page.$(img).attr("src")}"> without width and height`,
        ),
    );
    expect(missing).toEqual([]);
  });
});
