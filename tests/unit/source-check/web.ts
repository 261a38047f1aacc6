/**
 * The fake web and fixture content the source-check tests share: fixture
 * pages in tests/fixtures/source-check/pages/, served by a fake `fetchPage`,
 * for the fixture content in tests/fixtures/source-check/content/. Nothing
 * here touches the network.
 */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { fileURLToPath } from "node:url";
import { loadContent } from "@/content-check/load";
import {
  checkSources,
  type FetchPage,
  type PageResult,
  type SourceCheckReport,
} from "../../../scripts/lib/source-check/index.ts";

export const ROOT = fileURLToPath(new URL("../../fixtures/source-check/", import.meta.url));
export const page = (name: string): string =>
  readFileSync(new URL(`../../fixtures/source-check/pages/${name}`, import.meta.url), "utf8");

export const STORY = "https://news.test/agency-grounds-drones";
export const REPORT = "https://agency.test/report";
export const REMOVED = "https://blog.test/removed";
export const WIRE = "https://wire.test/story";
export const STATEMENT = "https://company.test/statement";
export const ARCHIVE = "https://web.archive.org/web/20171201000000/https://company.test/statement";

export const CLAIM = "content/claims/fixture-claim.mdx";
export const STATEMENT_CLAIM = "content/claims/statement-claim.mdx";

/** What the fake web answers for one request: a page, an error result, or a thrown error. */
export type Answer =
  | { status: number; page: string; finalUrl?: string; contentType?: string }
  | { error: string }
  | { throws: Error }
  | "hang";

export const networkError = (host: string): Error =>
  new TypeError("fetch failed", {
    cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" }),
  });

export const FIXTURE_WEB: Readonly<Record<string, Answer | Answer[]>> = {
  [STORY]: { status: 200, page: "formatted-story.html" },
  [REPORT]: { status: 200, page: "changed-report.html" },
  [REMOVED]: { status: 404, page: "not-found.html" },
  [WIRE]: { throws: networkError("wire.test") },
  [STATEMENT]: {
    status: 200,
    page: "statement-live.html",
    finalUrl: "https://company.test/newsroom",
  },
  [ARCHIVE]: { status: 200, page: "statement-archived.html" },
};

/**
 * A fake `fetchPage` over a table of answers. A list of answers is served in
 * turn (the last one repeats), so a test can fail a first request only.
 */
export function fakeWeb(overrides: Readonly<Record<string, Answer | Answer[]>> = {}) {
  const routes = { ...FIXTURE_WEB, ...overrides };
  const calls: string[] = [];
  const fetchPage: FetchPage = async (url, init) => {
    const served = calls.filter((call) => call === url).length;
    calls.push(url);
    const route = routes[url];
    const answer = Array.isArray(route) ? route[Math.min(served, route.length - 1)] : route;
    if (answer === undefined) return { status: 404, finalUrl: url, body: "" };
    if (answer === "hang") {
      return new Promise<PageResult>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new Error("aborted")));
      });
    }
    if ("throws" in answer) throw answer.throws;
    if ("error" in answer) return { error: answer.error };
    return {
      status: answer.status,
      finalUrl: answer.finalUrl ?? url,
      body: page(answer.page),
      contentType: answer.contentType ?? "text/html; charset=utf-8",
    };
  };
  return { fetchPage, calls, count: (url: string) => calls.filter((call) => call === url).length };
}

export const FAST = { retryDelayMs: 0, now: () => new Date("2026-11-30T06:00:00Z") } as const;

export async function checkFixture(overrides: Readonly<Record<string, Answer | Answer[]>> = {}) {
  const web = fakeWeb(overrides);
  const { files, problems } = loadContent(ROOT);
  expect(problems).toEqual([]);
  const report = await checkSources(files, web.fetchPage, FAST);
  return { report, web };
}

/** The 1-based line of the first line of a fixture file containing `text`. */
export function lineOf(file: string, text: string): number {
  const lines = readFileSync(`${ROOT}${file}`, "utf8").split("\n");
  const index = lines.findIndex((line) => line.includes(text));
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

export const citationIds = (report: SourceCheckReport) =>
  report.missingPassages.map((missing) => missing.citationId);

/** The part of the issue body from the heading that mentions `text` to the next heading. */
export function section(body: string, text: string): string {
  const start = body
    .split("\n")
    .findIndex((line) => line.startsWith("### ") && line.includes(text));
  expect(start).toBeGreaterThanOrEqual(0);
  const lines = body.split("\n").slice(start);
  const end = lines.findIndex((line, index) => index > 0 && /^##/.test(line));
  return lines.slice(0, end === -1 ? undefined : end).join("\n");
}
