import { expect, test } from "@playwright/test";
import { HEADERS_PORT } from "../../playwright.config";

// Netlify and Cloudflare Pages send dist/_headers; GitHub Pages does not. The
// site must work under both, so these stories run against a server that sends
// them (see scripts/lib/static-server.ts).
test.use({ baseURL: `http://127.0.0.1:${HEADERS_PORT}` });

test("a reader on a host that sends _headers can search, and nothing breaks the policy", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|wasm|WebAssembly/i.test(message.text()))
      violations.push(message.text());
  });
  const response = await page.goto("/search/");
  expect(response?.headers()["content-security-policy"]).toContain("'wasm-unsafe-eval'");
  await page.getByRole("searchbox", { name: "Search claims and sources" }).fill("Australian");
  await expect(
    page
      .getByRole("main")
      .getByRole("listitem")
      .getByRole("link", { name: /Australia/ })
      .first(),
  ).toBeVisible();
  expect(violations).toEqual([]);
});

test("a claim page on such a host gets the strict policy and cannot be framed", async ({
  page,
}) => {
  const response = await page.goto("/about/");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("wasm-unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
});
