import { expect, test } from "@playwright/test";
import { CLAIMS } from "../support/published-claims";

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
      await expect(sources).toHaveCount(claim.sourceCount);
    });
  }
});

test("a reader follows a citation to its source and back", async ({ page }) => {
  const claim = CLAIMS[0];
  test.skip(!claim, "no published claim yet");
  await page.goto(`/claims/${claim?.id}/`);
  // The first marker is source 1, lettered "1a" when the page cites it more than once.
  const marker = page.getByRole("link", { name: /^Source 1a?$/ }).first();
  const target = (await marker.getAttribute("href"))?.slice(1) ?? "";
  const label = target.replace(/^source-/, "");
  expect(target).toMatch(/^source-1a?$/);
  await marker.click();
  await expect(page).toHaveURL(new RegExp(`#${target}$`));
  await expect(page.locator(`#${target}`)).toBeInViewport();
  await page
    .locator(`#${target}`)
    .getByRole("link", { name: `Back to the text for source ${label}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`#cite-${label}$`));
  await expect(page.locator(`#cite-${label}`)).toBeInViewport();
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
