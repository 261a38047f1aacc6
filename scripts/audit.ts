/**
 * Lighthouse audit of the built site:
 *
 *   npm run build:test && npm run audit [-- --runs N] [-- --desktop] [-- --save DIR]
 *
 * Serves dist/ locally, runs Lighthouse with the system Chromium on the home
 * page and one claim page for performance, accessibility, best practices and
 * SEO, prints the scores, and exits non-zero if any score is below 100, with
 * every failing audit and its details so it can be fixed. It builds nothing:
 * it audits whatever the last build (`npm run build:test`, say) wrote.
 *
 * Performance is measured under Lighthouse's simulated throttling and still
 * moves with the machine's load, so each page is audited --runs times
 * (default 3) and the run with the median performance score is reported.
 * --save DIR writes each page's full HTML and JSON report there.
 */
import { printTable } from "./lib/table.ts";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launch } from "chrome-launcher";
import lighthouse, { desktopConfig, generateReport, type Result } from "lighthouse";
import { chromiumExecutable } from "./lib/browser.ts";
import { serveStatic } from "./lib/static-server.ts";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(REPO_ROOT, "dist");

/** The home page, and a long claim page (16 citations) standing for the claim template. */
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
  printTable(header, rows);
}

/** An audit that cost points: scored below 1, or errored (its score is then unknown). */
function isFailing(audit: AuditResult): boolean {
  if (audit.scoreDisplayMode === "error") return true;
  if (["informative", "notApplicable", "manual"].includes(audit.scoreDisplayMode)) return false;
  return audit.score !== null && audit.score < 1;
}

/** One table row as a short line: the node, URL or location first, then plain values. */
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

interface NetworkNode {
  url?: string;
  navStartToEndTime?: number;
  transferSize?: number;
  children?: Record<string, NetworkNode>;
}

/**
 * The lines worth reading from an audit's details, whatever their shape:
 * tables (one line per row), lists of sections (the insights), request chains
 * and checklists. Other shapes (screenshots, debug data) are left out.
 */
function detailLines(details: unknown, indent = ""): string[] {
  if (!details || typeof details !== "object") return [];
  const detail = details as { type?: string; items?: unknown; chains?: unknown; value?: unknown };
  switch (detail.type) {
    case "table":
    case "opportunity": {
      const items = Array.isArray(detail.items) ? (detail.items as Record<string, unknown>[]) : [];
      // Sub-items name related elements, e.g. the neighbour a touch target is too close to.
      const lines = items.slice(0, MAX_DETAIL_ROWS).flatMap((item) => {
        const subItems = (item["subItems"] as { items?: Record<string, unknown>[] } | undefined)
          ?.items;
        return [
          indent + formatItem(item),
          ...(subItems ?? []).map((sub) => `${indent}  and ${formatItem(sub)}`),
        ];
      });
      if (items.length > MAX_DETAIL_ROWS) {
        lines.push(`${indent}... and ${items.length - MAX_DETAIL_ROWS} more`);
      }
      return lines;
    }
    case "list": {
      const sections = Array.isArray(detail.items) ? detail.items : [];
      return sections.flatMap((section: { type?: string; title?: string; value?: unknown }) =>
        section.type === "list-section"
          ? [
              ...(section.title ? [`${indent}${section.title}:`] : []),
              ...detailLines(section.value, `${indent}  `),
            ]
          : detailLines(section, indent),
      );
    }
    case "network-tree": {
      const lines: string[] = [];
      const walk = (nodes: Record<string, NetworkNode>, depth: number): void => {
        for (const node of Object.values(nodes)) {
          lines.push(
            `${indent}${"  ".repeat(depth)}${node.url ?? "?"} (${node.transferSize ?? 0} B, done at ${Math.round(node.navStartToEndTime ?? 0)} ms)`,
          );
          walk(node.children ?? {}, depth + 1);
        }
      };
      walk((detail.chains ?? {}) as Record<string, NetworkNode>, 0);
      return lines;
    }
    case "checklist": {
      const items = (detail.items ?? {}) as Record<string, { value: boolean; label: string }>;
      return Object.values(items)
        .filter((item) => !item.value)
        .map((item) => `${indent}not met: ${item.label}`);
    }
    case "text":
      return [`${indent}${String(detail.value)}`];
    default:
      return [];
  }
}

function printAudit(audit: AuditResult, weight: number): void {
  const score = audit.score === null ? "error" : audit.score.toFixed(2);
  const value = audit.displayValue ? ` (${audit.displayValue})` : "";
  console.log(`    - ${audit.id}: ${audit.title} - score ${score}, weight ${weight}${value}`);
  if (audit.errorMessage) console.log(`        error: ${audit.errorMessage}`);
  for (const line of detailLines(audit.details, "        ")) console.log(line);
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

/** The run with the median performance score: the other categories hardly vary between runs. */
function medianRun(runs: readonly Result[]): Result {
  const sorted = [...runs].sort(
    (a, b) => (a.categories["performance"]?.score ?? 0) - (b.categories["performance"]?.score ?? 0),
  );
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) throw new Error("no Lighthouse run to report");
  return median;
}

/** Writes each page's HTML and JSON report, named after its path. */
function saveReports(folder: string, results: readonly PageResult[]): void {
  mkdirSync(folder, { recursive: true });
  for (const { path, lhr } of results) {
    const name = path.replace(/^\/|\/$/g, "").replace(/\//g, "-") || "home";
    writeFileSync(join(folder, `${name}.report.html`), generateReport(lhr, "html"));
    writeFileSync(join(folder, `${name}.report.json`), JSON.stringify(lhr, null, 2));
  }
  console.log(`\nFull reports written to ${folder}`);
}

function parseOptions(): { desktop: boolean; runs: number; save: string | undefined } {
  const { values } = parseArgs({
    options: {
      desktop: { type: "boolean", default: false },
      runs: { type: "string", default: "3" },
      save: { type: "string" },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs must be a whole number of at least 1 (got "${values.runs}")`);
  }
  return { desktop: values.desktop, runs, save: values.save };
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!existsSync(join(DIST, "index.html"))) {
    throw new Error(
      "dist/ has no build to audit. Run `npm run build:test` first, then `npm run audit`.",
    );
  }
  const chromePath = chromiumExecutable();
  const server = await serveStatic(DIST);
  const results: PageResult[] = [];
  try {
    for (const path of PAGES) {
      const url = new URL(path.slice(1), server.url).href;
      const runs: Result[] = [];
      for (let run = 1; run <= options.runs; run += 1) {
        console.log(`Auditing ${url} (run ${run} of ${options.runs}) ...`);
        runs.push(await auditPage(url, chromePath, options.desktop));
      }
      results.push({ path, lhr: medianRun(runs) });
    }
  } finally {
    await server.close();
  }

  const lhr = results[0]?.lhr;
  console.log(
    `\nLighthouse ${lhr?.lighthouseVersion ?? ""}, ${options.desktop ? "desktop" : "mobile"} ` +
      `preset, median of ${options.runs} run(s) per page, ${lhr?.environment.hostUserAgent ?? ""}\n`,
  );
  printScores(results);
  const misses = printFailures(results);
  if (options.save) saveReports(options.save, results);
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
