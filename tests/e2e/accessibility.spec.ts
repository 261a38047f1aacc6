import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

/** Every page the sitemap lists, as paths on the test server. */
async function sitemapPaths(
  request: import("@playwright/test").APIRequestContext,
): Promise<string[]> {
  const index = await (await request.get("/sitemap-index.xml")).text();
  const sitemaps = [...index.matchAll(/<loc>(.*?)<\/loc>/g)].map(
    (match) => new URL(match[1] ?? "").pathname,
  );
  const pages: string[] = [];
  for (const sitemap of sitemaps) {
    const xml = await (await request.get(sitemap)).text();
    pages.push(
      ...[...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((match) => new URL(match[1] ?? "").pathname),
    );
  }
  return pages;
}

// One test per colour scheme, so the two sweeps run side by side.
for (const colorScheme of ["light", "dark"] as const) {
  test(`every page in the sitemap passes axe (WCAG 2.x A and AA) in ${colorScheme}`, async ({
    page,
    request,
  }) => {
    const paths = await sitemapPaths(request);
    // The sweep grows with the site: allow each page up to 12 s (a loaded
    // 2-core machine needs about 4), rather than one fixed limit for all.
    test.setTimeout((paths.length + 2) * 12_000);
    expect(paths.length).toBeGreaterThan(10);
    const failures: string[] = [];
    await page.emulateMedia({ colorScheme });
    for (const path of [...paths, "/404.html"]) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      for (const violation of violations) {
        failures.push(
          `${path}: ${violation.id} (${violation.help}) at ${violation.nodes
            .map((node) => node.target.join(" "))
            .join(", ")}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });
}
