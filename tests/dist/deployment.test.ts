import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BASE, DIST, SITE_URL, builtPages, listFiles } from "./site";

/** The public address the build was made for (SITE_URL), with the base path. */
const SITE = new URL(BASE, SITE_URL).href;
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

let server: Server;
let origin: string;

// A static host that serves dist/ only under the base path, as GitHub Pages
// serves a project site: anything outside the base path is a 404.
beforeAll(async () => {
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://host").pathname);
    let file = path.startsWith(BASE) ? join(DIST, path.slice(BASE.length)) : undefined;
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!file || !existsSync(file)) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const pages = builtPages();

describe(`the site built for ${SITE}`, () => {
  test("serves every page and every file the pages use from under the base path", async () => {
    const urls = new Set<string>();
    for (const page of pages) {
      urls.add(page.url);
      page.$("a[href], link[href], script[src], img[src]").each((_, element) => {
        const raw = page.$(element).attr("href") ?? page.$(element).attr("src") ?? "";
        if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(raw)) return;
        urls.add(new URL(raw, `http://host${page.url}`).pathname);
      });
    }
    const failures: string[] = [];
    for (const url of urls) {
      const response = await fetch(origin + url);
      if (!response.ok) failures.push(`${url}: ${response.status}`);
    }
    expect(failures).toEqual([]);
    expect([...urls].every((url) => url.startsWith(BASE))).toBe(true);
  });

  test("gives every page a canonical URL and Open Graph URL on the public address", () => {
    for (const page of pages.filter((candidate) => candidate.file !== "404.html")) {
      const canonical = page.$('link[rel="canonical"]').attr("href");
      expect(canonical, page.url).toBe(new URL(page.url, SITE).href);
      expect(page.$('meta[property="og:url"]').attr("content"), page.url).toBe(canonical);
      expect(page.$("title").text(), page.url).not.toBe("");
      expect(page.$('meta[name="description"]').attr("content"), page.url).toBeTruthy();
    }
  });

  test("holds no localhost address in any file", () => {
    // Read as Latin-1 so images and fonts are scanned byte for byte too.
    const leaks = listFiles()
      .filter((file) => /localhost|127\.0\.0\.1/.test(readFileSync(join(DIST, file), "latin1")))
      .map((file) => `${file} mentions localhost`);
    expect(leaks).toEqual([]);
  });

  test("gives the 404 page no canonical URL, since no address should lead there", () => {
    const notFound = pages.find((page) => page.file === "404.html");
    expect(notFound, "404.html").toBeDefined();
    expect(notFound?.$('link[rel="canonical"]').length).toBe(0);
    expect(notFound?.$('meta[property="og:url"]').length).toBe(0);
  });

  test("lists only public addresses in the sitemap, robots.txt, feeds and dataset", async () => {
    const text = async (path: string) => (await fetch(`${origin}${BASE}${path}`)).text();
    const sitemapIndex = await text("sitemap-index.xml");
    const sitemaps = [...sitemapIndex.matchAll(/<loc>(.*?)<\/loc>/g)].map(
      (match) => match[1] ?? "",
    );
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const sitemap of sitemaps) {
      expect(sitemap.startsWith(SITE)).toBe(true);
      const locations = [
        ...(await text(sitemap.slice(SITE.length))).matchAll(/<loc>(.*?)<\/loc>/g),
      ].map((m) => m[1] ?? "");
      expect(locations.length).toBeGreaterThan(10);
      for (const location of locations) expect(location.startsWith(SITE), location).toBe(true);
    }
    expect(await text("robots.txt")).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
    for (const link of (await text("rss.xml")).matchAll(/<link>(.*?)<\/link>/g))
      expect(link[1]?.startsWith(SITE)).toBe(true);
    const dataset = JSON.parse(await text("claims.json")) as { claims: { url: string }[] };
    for (const claim of dataset.claims) expect(claim.url.startsWith(`${SITE}claims/`)).toBe(true);
  });
});
