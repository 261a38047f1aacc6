import { expect, test } from "@playwright/test";
import { CLAIMS } from "../support/published-claims";

const australia = CLAIMS.find((claim) => claim.id === "australia-temporary-pause") ?? CLAIMS[0]!;

test("a reader searches from the header of any page, without scripts on that page", async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.goto("/timeline/");
  const header = page.getByRole("search", { name: "Site" });
  await header.getByRole("searchbox", { name: "Search the site" }).fill("Australia");
  expect(scripts, "the timeline loads no script").toEqual([]);
  await header.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\/\?q=Australia$/);
  const result = page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: australia.title }) });
  // A claim's result shows both its ratings.
  await expect(result).toContainText(`Is it true? ${australia.verdict}`);
  await expect(result).toContainText(`How Engadget reported it: ${australia.reporting}`);
});

test("a typo finds nothing and offers ways on, instead of listing every page", async ({ page }) => {
  await page.goto("/search/?q=Austalia");
  await expect(page.getByText("No results for “Austalia”.")).toBeVisible();
  await expect(page.getByRole("main").getByRole("list").last().getByRole("listitem")).toHaveCount(
    0,
  );
  await expect(page.getByRole("link", { name: `all ${CLAIMS.length} claims` })).toBeVisible();
  await expect(page.getByRole("link", { name: "the timeline of events" })).toBeVisible();
});

test("a word found only in the lines every claim page repeats does not list every claim", async ({
  page,
}) => {
  await page.goto("/search/?q=spy");
  const results = page.getByRole("main").getByRole("listitem");
  await expect(results.first()).toBeVisible();
  const urls = await results
    .getByRole("heading")
    .getByRole("link")
    .evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
  const claimPages = urls.filter((url) => url.startsWith("/claims/"));
  // The headline says "spying"; the Army claim says it only in the story's
  // title under its quotation, which is not indexed.
  expect(urls).toContain("/claims/headline-dhs-spying/");
  expect(urls).not.toContain("/claims/army-stop-using-dji/");
  expect(claimPages.length).toBeLessThan(CLAIMS.length);
});

test("an empty search asks for a word and lists nothing", async ({ page }) => {
  await page.goto("/about/");
  await page.getByRole("search", { name: "Site" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\/\?q=$/);
  await expect(page.getByText(/^Type a word to search/)).toBeVisible();
  await expect(page.locator("[data-results] > li")).toHaveCount(0);
  await expect(page.getByText("No results")).toHaveCount(0);
});

test("the story, the timeline and the methodology can be found by search", async ({ page }) => {
  for (const [query, path] of [
    ["annotated", "/story/"],
    ["Kivu", "/timeline/"],
    ["snapshot", "/methodology/"],
  ] as const) {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    await expect(
      page.getByRole("main").locator(`[data-results] a[href="${path}"]`),
      `${query} → ${path}`,
    ).toBeVisible();
  }
});
