/**
 * Source check: a scheduled check that every source still opens and every cited
 * passage is still on the page (see scripts/check-sources.ts and
 * .github/workflows/source-check.yml).
 */
export { checkSources, fetchWithRetry, isReachable, DEFAULT_CHECK_OPTIONS } from "./check.ts";
export type { CheckOptions } from "./check.ts";
export { createFetchPage, decode, userAgent, DEFAULT_USER_AGENT } from "./fetch-page.ts";
export { containsPassage, htmlToText, normaliseText, pageText } from "./normalise.ts";
export { ISSUE_TITLE, escapeMarkdown, formatReport, renderIssue } from "./issue.ts";
export type { Issue, IssueOptions } from "./issue.ts";
export { runPool } from "./pool.ts";
export { EXIT, runCli } from "./cli.ts";
export type { CliDependencies, ExitCode } from "./cli.ts";
export { hasProblems } from "./types.ts";
export type * from "./types.ts";
