/**
 * Editors preview in `npm run dev`: it must look like the built site, and a
 * bad edit must show the content check's message in the browser. The dev
 * server runs on a throw-away copy of the project, so the test can break and
 * fix content without touching the checkout.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Frame, type Page } from "@playwright/test";
import { DEV_PORT } from "../../playwright.config";
import { copyProject, linkNodeModules, makeTempDir, removeDir } from "../../scripts/lib/temp-site";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const DEV = `http://127.0.0.1:${DEV_PORT}`;
const CLAIM = "memo-core-assessment";
const CLAIM_FILE = `content/claims/${CLAIM}.mdx`;
const WITHDRAWAL = "Withdrawn in a test: the notice shows this reason.";

let dir = "";
let server: ChildProcess | undefined;
let serverLog = "";

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = makeTempDir("dev-server-test");
  copyProject(REPO, dir);
  linkNodeModules(REPO, dir);
  // A draft, which only the dev server shows.
  const draft = readFileSync(join(dir, CLAIM_FILE), "utf8")
    .replace(/^draft: false$/m, "")
    .replace(/^---$/m, "---\ndraft: true")
    .replace(/^( {2}order: ).*$/m, "$199");
  writeFileSync(join(dir, "content/claims/a-draft-preview.mdx"), draft);
  // A withdrawn check: its address keeps a notice of why, and its record.
  const published = readFileSync(join(dir, CLAIM_FILE), "utf8");
  const updated = /^updated: (\S+)$/m.exec(published)?.[1] ?? "";
  const withdrawn = published
    .replace(
      /^draft: false$/m,
      `  - date: ${updated}\n    kind: withdrawal\n    text: "${WITHDRAWAL}"\nwithdrawn: true`,
    )
    .replace(/^( {2}order: ).*$/m, "$198")
    // Its own words: no page may check the words a withdrawn one holds.
    .replace(
      /^claim: '[^']*(?:''[^']*)*'$/m,
      'claim: "Words of the story that only this test\'s withdrawn check quotes."',
    );
  writeFileSync(join(dir, "content/claims/a-withdrawn-check.mdx"), withdrawn);
  // The copy's packages are links into this checkout, so files they serve
  // (the self-hosted font) live outside the copy: let the dev server read them,
  // as it reads them in a real checkout, without touching the project's config.
  writeFileSync(
    join(dir, "dev-test.config.mjs"),
    [
      'import config from "./astro.config.mjs";',
      "export default {",
      "  ...config,",
      `  vite: { ...config.vite, server: { fs: { allow: [${JSON.stringify(dir)}, ${JSON.stringify(REPO)}] } } },`,
      "};",
      "",
    ].join("\n"),
  );
  server = spawn(
    process.execPath,
    [
      join(dir, "node_modules/astro/bin/astro.mjs"),
      "dev",
      "--config",
      "dev-test.config.mjs",
      "--host",
      "127.0.0.1",
      "--port",
      String(DEV_PORT),
    ],
    { cwd: dir, env: { ...process.env, FORCE_COLOR: "0" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const log = (chunk: Buffer) => (serverLog += chunk.toString());
  server.stdout?.on("data", log);
  server.stderr?.on("data", log);
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`${DEV}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    if (server.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`astro dev did not start on ${DEV}:\n${serverLog}`);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill();
    // A dev server busy reloading may ignore the first signal.
    const timer = setTimeout(() => server?.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
  if (dir) removeDir(dir);
});

/** Console errors and uncaught exceptions while `page` is open. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/**
 * Waits until the dev server has stopped reloading `page`: no navigation of
 * the page for `quiet` ms. The dev server reloads a page by itself, once when
 * it has optimised a dependency on the first visit and once more when Astro's
 * content sync finishes after an edit, and a check that runs across such a
 * reload loses the document it was reading.
 */
async function settle(page: Page, quiet = 1_500): Promise<void> {
  let last = Date.now();
  const navigated = (frame: Frame) => {
    if (frame === page.mainFrame()) last = Date.now();
  };
  page.on("framenavigated", navigated);
  try {
    await expect
      .poll(() => Date.now() - last >= quiet, { timeout: 30_000, intervals: [250] })
      .toBe(true);
    await page.waitForLoadState("load");
  } finally {
    page.off("framenavigated", navigated);
  }
}

/**
 * Leaves the dev server for a blank page, so the page does not close while a
 * reload is in flight. The dev server may send one more reload after the page
 * has settled (Astro's content sync finishing); that reload either aborts the
 * navigation or leaves it waiting for a load event that never comes. So each
 * try gets a few seconds, and the next one starts from wherever the page is.
 */
async function leaveDevServer(page: Page): Promise<void> {
  await expect(async () => {
    await page.goto("about:blank", { timeout: 4_000 });
    expect(page.url()).toBe("about:blank");
  }).toPass({ timeout: 30_000 });
}

/** Styles that only the site's stylesheet sets, read from the rendered page. */
const siteStyles = (page: Page) =>
  page.evaluate(() => {
    const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
    return {
      bodyFont: style("body").fontFamily,
      bodyBackground: style("body").backgroundColor,
      headingSize: style("h1").fontSize,
      mainWidth: style("main").maxWidth,
    };
  });

test("a claim page in the dev server looks like the built site and logs no error", async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(`${DEV}/claims/${CLAIM}/`);
  await settle(page);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const dev = await siteStyles(page);
  await page.goto(`/claims/${CLAIM}/`);
  expect(dev).toEqual(await siteStyles(page));
  expect(errors).toEqual([]);
});

test("a draft shows in the dev server, marked as a draft", async ({ page }) => {
  await page.goto(`${DEV}/claims/a-draft-preview/`);
  await settle(page);
  await expect(page.getByRole("note")).toContainText("Draft: only the dev server shows this page");
  await leaveDevServer(page);
});

test("a withdrawn check keeps its address, with why and its record of changes, and no ratings", async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(`${DEV}/claims/a-withdrawn-check/`);
  await settle(page);
  const notice = page.getByRole("complementary", { name: /^We withdrew this check on / });
  await expect(notice).toContainText(WITHDRAWAL);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The words it rated, and since when (the date set apart from the words before it).
  await expect(page.locator("figcaption")).toContainText(/rated, from \d{1,2} \w+ \d{4} until/);
  await expect(page.getByRole("heading", { name: "What changed" })).toBeVisible();
  // Neither its ratings nor its evidence are shown any more.
  await expect(page.locator("main")).not.toContainText("Is it true?");
  await expect(page.getByRole("heading", { name: "Sources" })).toHaveCount(0);
  // Nor do search engines or link previews get them: no ClaimReview, the site's card.
  const structured = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(structured.join("")).not.toContain("ClaimReview");
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
    "content",
    /\/card\.png(\?v=\w+)?$/,
  );
  // How to reach us (the dev server has no contact address; a build must).
  await expect(page.getByText("A question about this withdrawal")).toBeVisible();
  // The log lists the withdrawal and leads to the notice; the list of checks does not.
  await page.goto(`${DEV}/corrections/`);
  const entry = page.getByRole("listitem").filter({ hasText: WITHDRAWAL });
  await expect(entry).toContainText("withdrawal");
  await expect(entry.getByRole("link")).toHaveAttribute("href", "/claims/a-withdrawn-check/");
  await page.goto(`${DEV}/claims/`);
  await expect(page.locator('a[href="/claims/a-withdrawn-check/"]')).toHaveCount(0);
  expect(errors).toEqual([]);
  await leaveDevServer(page);
});

test("a bad edit shows the content check's message in the browser, and the fix clears it", async ({
  page,
}) => {
  const file = join(dir, CLAIM_FILE);
  const good = readFileSync(file, "utf8");
  await page.goto(`${DEV}/claims/${CLAIM}/`);
  await settle(page);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const message = page.getByText(
    new RegExp(`${CLAIM_FILE.replace(/[./]/g, "\\$&")}:\\d+: verdict: .*unproven`),
  );
  try {
    writeFileSync(file, good.replace(/^verdict: unproven$/m, "verdict: unproved"));
    // The page reloads by itself into Astro's error overlay.
    await expect(message.first()).toBeVisible({ timeout: 20_000 });
    // One problem per item, with the file's lines around it, and no stack trace.
    const item = page.getByRole("listitem").filter({ has: message });
    await expect(item.locator("pre")).toContainText("› ");
    await expect(item).toContainText('did you mean "unproven"?');
    await expect(page.getByText(/at .*\.(astro|ts):\d+/)).toHaveCount(0);
  } finally {
    writeFileSync(file, good);
  }
  // The page reloads by itself out of the error overlay, and shows the file as
  // it is now, not the entry Astro held before the fix.
  await expect(message).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByText("Is it true? Unproven.", { exact: true })).toBeVisible({
    timeout: 20_000,
  });
  await settle(page);
  await expect(page.getByText("Is it true? Unproven.", { exact: true })).toBeVisible();
  await leaveDevServer(page);
});
