import { expect, test } from "@playwright/test";
import { CLAIMS } from "./content";

test.describe("a reader opens a claim", () => {
  for (const claim of CLAIMS) {
    test(`and sees the ratings, bottom line and sources of “${claim.id}”`, async ({ page }) => {
      await page.goto(`/claims/${claim.id}/`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(claim.title);
      await expect(page.locator("blockquote").first()).toContainText(claim.claim);
      await expect(page.getByRole("link", { name: `Reporting: ${claim.reporting}` })).toBeVisible();
      await expect(page.getByRole("link", { name: `Verdict: ${claim.verdict}` })).toBeVisible();
      await expect(page.getByText(claim.bottomLine, { exact: true })).toBeVisible();
      const sources = page.getByRole("region", { name: "Sources" }).getByRole("listitem");
      await expect(sources).toHaveCount(claim.citationCount);
    });
  }
});

test("a reader follows a citation to its source and back", async ({ page }) => {
  const claim = CLAIMS[0];
  test.skip(!claim, "no published claim yet");
  await page.goto(`/claims/${claim?.id}/`);
  await page.getByRole("link", { name: "Source 1", exact: true }).first().click();
  await expect(page).toHaveURL(/#source-1$/);
  await expect(page.locator("#source-1")).toBeInViewport();
  await page
    .locator("#source-1")
    .getByRole("link", { name: "Back to the text for source 1" })
    .click();
  await expect(page).toHaveURL(/#cite-1$/);
  await expect(page.locator("#cite-1")).toBeInViewport();
});

test("the home page lists every claim in story order with both ratings", async ({ page }) => {
  await page.goto("/");
  const items = page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 3 }) });
  await expect(items).toHaveCount(CLAIMS.length);
  for (const [index, claim] of CLAIMS.entries()) {
    const item = items.nth(index);
    await expect(item.getByRole("heading", { level: 3 })).toHaveText(claim.title);
    await expect(item.getByRole("link", { name: `Reporting: ${claim.reporting}` })).toBeVisible();
    await expect(item.getByRole("link", { name: `Verdict: ${claim.verdict}` })).toBeVisible();
  }
});
