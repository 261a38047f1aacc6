/**
 * Lighthouse audit of the built site:
 *
 *   npm run build && npm run audit [-- --desktop]
 *
 * Serves dist/ locally, runs Lighthouse with the system Chromium on the home
 * page and one claim page for performance, accessibility, best practices and
 * SEO, prints the scores, and exits non-zero if any score is below 100, with
 * every failing audit and its details so it can be fixed. It builds nothing:
 * it audits whatever `npm run build` last wrote.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launch } from "chrome-launcher";
import lighthouse, { desktopConfig, type Result } from "lighthouse";
import { serveStatic } from "./lib/static-server.ts";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(REPO_ROOT, "dist");

/** The home page and the claim page with the most citations: the heaviest template. */
const PAGES = ["/", "/claims/memo-core-assessment/"] as const;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

const CHROME_FLAGS = [
  "--headless=new",
  // Containers and CI runners often forbid the sandbox's namespaces.
  "--no-sandbox",
  "--disable-gpu",
  // Background traffic (updates, sync) would show up in the network audits.
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** How many detail rows to print per failing audit; the rest are counted. */
const MAX_DETAIL_ROWS = 8;

type AuditResult = Result["audits"][string];

interface PageResult {
  readonly path: string;
  readonly lhr: Result;
}

function chromiumPath(): string {
  const path = process.env["PLAYWRIGHT_CHROMIUM_PATH"] || "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Install it (sudo apt-get install chromium) or set PLAYWRIGHT_CHROMIUM_PATH.`,
    );
  }
  return path;
}

/** One Lighthouse run in a fresh browser, so no cache or storage carries over between pages. */
async function auditPage(url: string, chromePath: string, desktop: boolean): Promise<Result> {
  const chrome = await launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] },
      desktop ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    if (result.lhr.runtimeError) {
      throw new Error(`Lighthouse could not audit ${url}: ${result.lhr.runtimeError.message}`);
    }
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

/** Lighthouse's own rounding: the report shows Math.round(score * 100). */
const displayScore = (score: number | null): number | null =>
  score === null ? null : Math.round(score * 100);

function printScores(results: readonly PageResult[]): void {
  const header = ["Page", ...CATEGORIES];
  const rows = results.map(({ path, lhr }) => [
    path,
    ...CATEGORIES.map((id) => String(displayScore(lhr.categories[id]?.score ?? null) ?? "n/a")),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join("  ");
  console.log(line(header));
  console.log(line(widths.map((width) => "-".repeat(width))));
  for (const row of rows) console.log(line(row));
}

/** An audit that cost points: scored below 1, or errored (its score is then unknown). */
function isFailing(audit: AuditResult): boolean {
  if (audit.scoreDisplayMode === "error") return true;
  if (["informative", "notApplicable", "manual"].includes(audit.scoreDisplayMode)) return false;
  return audit.score !== null && audit.score < 1;
}

/** One detail row as a short line: the node, URL or location first, then plain values. */
function formatItem(item: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(item)) {
    if (value === null || value === undefined || key === "subItems") continue;
    if (typeof value === "object") {
      const object = value as Record<string, unknown>;
      if (object["type"] === "node") {
        const label = object["selector"] ?? object["nodeLabel"];
        parts.push(`${key}: ${String(label)} ${String(object["snippet"] ?? "")}`.trim());
        if (typeof object["explanation"] === "string") {
          parts.push(object["explanation"].replace(/\s+/g, " "));
        }
      } else if (object["type"] === "source-location") {
        parts.push(`${key}: ${String(object["url"])}:${String(object["line"])}`);
      } else if (typeof object["text"] === "string") {
        parts.push(`${key}: ${object["text"]}`);
      }
    } else {
      parts.push(`${key}: ${String(value)}`);
    }
  }
  const line = parts.join(" | ");
  return line.length > 400 ? `${line.slice(0, 397)}...` : line;
}

function printAudit(audit: AuditResult, weight: number): void {
  const score = audit.score === null ? "error" : audit.score.toFixed(2);
  const value = audit.displayValue ? ` (${audit.displayValue})` : "";
  console.log(`    - ${audit.id}: ${audit.title} - score ${score}, weight ${weight}${value}`);
  if (audit.errorMessage) console.log(`        error: ${audit.errorMessage}`);
  const details = audit.details as { items?: unknown[] } | undefined;
  const items = Array.isArray(details?.items) ? details.items : [];
  for (const item of items.slice(0, MAX_DETAIL_ROWS)) {
    if (item && typeof item === "object") {
      console.log(`        ${formatItem(item as Record<string, unknown>)}`);
    }
  }
  if (items.length > MAX_DETAIL_ROWS) {
    console.log(`        ... and ${items.length - MAX_DETAIL_ROWS} more`);
  }
}

/** Prints the failing audits of every category below 100; returns how many scores missed. */
function printFailures(results: readonly PageResult[]): number {
  let misses = 0;
  for (const { path, lhr } of results) {
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      const score = displayScore(category?.score ?? null);
      if (!category || score === 100) continue;
      misses += 1;
      console.log(`\n${path} - ${category.title}: ${score ?? "no score"}`);
      const failing = category.auditRefs
        .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
        .filter(
          (entry): entry is { ref: typeof entry.ref; audit: AuditResult } =>
            entry.audit !== undefined && isFailing(entry.audit),
        )
        // Weighted audits move the score; weight-0 ones (insights) explain it.
        .sort((a, b) => b.ref.weight - a.ref.weight);
      if (failing.length === 0) console.log("    (no individual audit failed)");
      for (const { ref, audit } of failing) printAudit(audit, ref.weight);
    }
  }
  return misses;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { desktop: { type: "boolean", default: false } } });
  if (!existsSync(join(DIST, "index.html"))) {
    throw new Error(
      "dist/ has no build to audit. Run `npm run build` first, then `npm run audit`.",
    );
  }
  const chromePath = chromiumPath();
  const server = await serveStatic(DIST);
  const results: PageResult[] = [];
  try {
    for (const path of PAGES) {
      const url = new URL(path.slice(1), server.url).href;
      console.log(`Auditing ${url} ...`);
      results.push({ path, lhr: await auditPage(url, chromePath, values.desktop) });
    }
  } finally {
    await server.close();
  }

  const lhr = results[0]?.lhr;
  console.log(
    `\nLighthouse ${lhr?.lighthouseVersion ?? ""}, ${values.desktop ? "desktop" : "mobile"} ` +
      `preset, ${lhr?.environment.hostUserAgent ?? ""}\n`,
  );
  printScores(results);
  const misses = printFailures(results);
  if (misses > 0) {
    console.error(`\naudit: ${misses} score(s) below 100; fix the audits listed above.`);
    process.exitCode = 1;
  } else {
    console.log("\nEvery score is 100.");
  }
}

main().catch((error: unknown) => {
  console.error(`audit: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
