import { expect, test } from "@playwright/test";
import { CLAIMS } from "../support/published-claims";

test.describe("a reader opens a claim", () => {
  for (const claim of CLAIMS) {
    test(`and sees the ratings, bottom line and sources of “${claim.id}”`, async ({ page }) => {
      await page.goto(`/claims/${claim.id}/`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(claim.title);
      await expect(page.locator("blockquote").first()).toContainText(claim.claim);
      await expect(page.getByText(claim.answer, { exact: true })).toBeVisible();
      const ratings = page.getByRole("link", {
        name: /^(Is it true\?|How Engadget reported it:) /,
      });
      await expect(ratings).toHaveCount(2);
      await expect(ratings.first()).toHaveAccessibleName(claim.verdictName);
      await expect(ratings.last()).toHaveAccessibleName(claim.reportingName);
      await expect(page.getByText(claim.bottomLine, { exact: true })).toBeVisible();
      for (const point of claim.inBrief)
        await expect(page.getByText(point, { exact: true })).toBeVisible();
      const contents = page.getByRole("navigation", { name: "On this page" }).getByRole("link");
      await expect(contents.getByText("Sources", { exact: true })).toHaveCount(1);
      await expect(contents.first()).toHaveText("The claim in context");
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
  // The passage jumped to is highlighted, so the eye finds it.
  const highlight = await page
    .locator(`#${target}`)
    .evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(highlight).not.toBe("rgba(0, 0, 0, 0)");
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
    await expect(item.getByText(claim.answer, { exact: true })).toBeVisible();
    const ratings = item.getByRole("link", { name: /^(Is it true\?|How Engadget reported it:) / });
    await expect(ratings).toHaveCount(2);
    await expect(ratings.first()).toHaveAccessibleName(claim.verdictName);
    await expect(ratings.last()).toHaveAccessibleName(claim.reportingName);
  }
});

test("from the headline's check and from the home page, the evidence since 2017 is one tap away", async ({
  page,
}) => {
  const headline = CLAIMS.find(({ order }) => order === 1)!;
  const evidence = CLAIMS.find(({ id }) => id === headline.seeAlso?.claim);
  expect(evidence, "the headline claim names the evidence page in seeAlso").toBeDefined();
  await page.goto(`/claims/${headline.id}/`);
  await page
    .getByRole("main")
    .getByRole("link", { name: "What the evidence from 2017 to 2026 shows", exact: true })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/claims/${evidence!.id}/$`));
  await page.goto("/");
  await page.getByRole("link", { name: "the evidence from 2017 to 2026", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/claims/${evidence!.id}/$`));
});
