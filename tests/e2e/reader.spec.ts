import { expect, test } from "@playwright/test";
import { CLAIMS } from "../support/published-claims";

const first = CLAIMS[0]!;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const verdictClaim = CLAIMS.find((claim) => claim.verdictKey === "unproven") ?? first;

test("a reader finds a claim from the home page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: first.title, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/claims/${first.id}/$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first.title);
});

test("a reader finds a claim from the annotated story and reads its ratings", async ({ page }) => {
  await page.goto("/story/");
  const sentences = page.getByRole("main").getByRole("listitem");
  await expect(sentences).toHaveCount(CLAIMS.length);
  await expect(page.getByRole("link", { name: /Read the original article/ })).toHaveAttribute(
    "href",
    /^https:\/\/www\.engadget\.com\//,
  );
  const sentence = sentences.filter({ hasText: verdictClaim.title });
  await expect(sentence).toContainText(verdictClaim.answer);
  await expect(sentence).toContainText(
    new RegExp(
      `${escapeRegExp(verdictClaim.verdictName)}.*${escapeRegExp(verdictClaim.reportingName)}`,
    ),
  );
  await sentence.getByRole("link", { name: verdictClaim.title }).click();
  await expect(page.getByRole("link", { name: verdictClaim.verdictName })).toBeVisible();
  await expect(page.getByText(verdictClaim.bottomLine, { exact: true })).toBeVisible();
});

test("a reader opens a rating's definition from a badge", async ({ page }) => {
  await page.goto(`/claims/${verdictClaim.id}/`);
  await page.getByRole("link", { name: verdictClaim.verdictName }).click();
  await expect(page).toHaveURL(new RegExp(`/ratings/#${verdictClaim.verdictKey}$`));
  const entry = page.locator(`[id="${verdictClaim.verdictKey}"]`);
  await expect(entry).toBeInViewport();
  await expect(entry.getByRole("link", { name: verdictClaim.title })).toBeVisible();
});

test("a reader searches for a word and lands on the right claim", async ({ page }) => {
  await page.goto("/search/");
  await page.getByRole("searchbox", { name: "Search claims and sources" }).fill("Australian");
  const results = page.getByRole("main").getByRole("listitem");
  await expect(results.first()).toBeVisible();
  // Each claim result gives its one-line answer, not only a snippet of text.
  const australia = CLAIMS.find(({ id }) => id === "australia-temporary-pause")!;
  await expect(results.getByText(australia.answer, { exact: true })).toBeVisible();
  await results
    .getByRole("link", { name: /Australia/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/claims\/australia-temporary-pause\/$/);
});

test("a reader who follows a broken link gets a useful 404 page", async ({ page }) => {
  const response = await page.goto("/claims/no-such-claim/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("link", { name: "searching the site" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: first.title })).toBeVisible();
});

test.describe("on a 320 px phone", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("a claim page fits the screen without sideways scrolling", async ({ page }) => {
    for (const path of ["/", `/claims/${verdictClaim.id}/`, "/sources/", "/timeline/"]) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});

test.describe("with the system set to dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("pages use the dark theme", async ({ page }) => {
    await page.goto(`/claims/${verdictClaim.id}/`);
    // Render the body's background colour to one pixel to read it as sRGB,
    // whatever colour syntax (rgb, oklch) the stylesheet uses.
    const [r, g, b] = await page.evaluate(() => {
      const context = document.createElement("canvas").getContext("2d")!;
      context.fillStyle = getComputedStyle(document.body).backgroundColor;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data];
    });
    expect((r ?? 255) + (g ?? 255) + (b ?? 255), "body background brightness").toBeLessThan(100);
  });
});

test("pages load no JavaScript except search, nothing from other sites, and break no security policy", async ({
  page,
  baseURL,
}) => {
  const foreign: string[] = [];
  const scripts: string[] = [];
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL ?? "")) foreign.push(request.url());
    if (request.resourceType() === "script") scripts.push(`${page.url()} → ${request.url()}`);
  });
  for (const path of [
    "/",
    "/story/",
    `/claims/${first.id}/`,
    "/ratings/",
    "/sources/",
    "/timeline/",
    "/about/",
  ]) {
    await page.goto(path);
  }
  expect(scripts).toEqual([]);
  await page.goto("/search/");
  await page.getByRole("searchbox", { name: "Search claims and sources" }).fill("Army");
  await expect(page.getByRole("main").getByRole("listitem").first()).toBeVisible();
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
});
