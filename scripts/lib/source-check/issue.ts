/**
 * The source-check report in words: a GitHub issue (Markdown) for editors, and
 * plain text for the log. Each problem says what is broken, where (file,
 * field, line) and what to do about it.
 */
import type { MissingPassage, SourceCheckReport, UnreachableUrl } from "./types.ts";

/**
 * The issue's title. It never changes, so each weekly run finds and updates
 * the open issue instead of opening another.
 */
export const ISSUE_TITLE = "Source check: broken source links or changed quotes";

export interface IssueOptions {
  /** e.g. https://github.com/owner/repo; file names become links when given. */
  readonly repositoryUrl?: string | undefined;
  /** Branch or commit the file links point at. Default "main". */
  readonly ref?: string | undefined;
  /** Link to the run that made the report. */
  readonly runUrl?: string | undefined;
  /** GitHub refuses bodies over 65 536 characters; items past this are summarised. */
  readonly maxLength?: number | undefined;
}

export interface Issue {
  readonly title: string;
  readonly body: string;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  408: "Request Timeout",
  410: "Gone",
  429: "Too Many Requests",
  451: "Unavailable For Legal Reasons",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Statuses a site often gives automated requests while the page opens fine in a browser. */
const MAYBE_BLOCKED = new Set([401, 403, 405, 406, 429, 451, 503]);

const plural = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`;

/** "HTTP 404 (Not Found)" or "network error: fetch failed (ENOTFOUND)". */
export function describeResult(problem: Pick<UnreachableUrl, "status" | "error">): string {
  if (problem.status !== undefined) {
    const text = STATUS_TEXT[problem.status];
    return text ? `HTTP ${problem.status} (${text})` : `HTTP ${problem.status}`;
  }
  return `network error: ${problem.error ?? "no answer"} (tried twice)`;
}

/** The issue's title and Markdown body. */
export function renderIssue(report: SourceCheckReport, options: IssueOptions = {}): Issue {
  const maxLength = options.maxLength ?? 60_000;
  const fileLink = (file: string, line?: number): string => {
    const label = `\`${file}\``;
    if (!options.repositoryUrl) return label;
    const href = `${options.repositoryUrl.replace(/\/$/, "")}/blob/${options.ref ?? "main"}/${file}${line === undefined ? "" : `#L${line}`}`;
    return link(label, href);
  };

  const { unreachable, missingPassages, unchecked } = report;
  const intro = [
    `The weekly source check of ${report.checkedAt.slice(0, 10)} found:`,
    "",
    ...(unreachable.length
      ? [
          `- **${plural(unreachable.length, "source address", "source addresses")}** that no longer open;`,
        ]
      : []),
    ...(missingPassages.length
      ? [
          `- **${plural(missingPassages.length, "cited passage", "cited passages")}** no longer found on the page cited.`,
        ]
      : []),
    ...(!unreachable.length && !missingPassages.length
      ? ["- nothing to fix: every address opens and every passage was found."]
      : []),
    "",
    `It checked ${plural(report.sourcesChecked, "source", "sources")} (${plural(report.urlsChecked, "address", "addresses")}) and ${plural(report.citationsChecked, "citation", "citations")}. ` +
      "Each item below says where the problem is and what to do. Each weekly run updates this issue while problems remain; close it once they are fixed.",
  ];

  const items: string[] = [];
  if (unreachable.length) items.push("## Addresses that no longer open");
  for (const problem of unreachable) items.push(unreachableItem(problem, fileLink));
  if (missingPassages.length) items.push("## Passages no longer found");
  for (const problem of missingPassages) items.push(missingItem(problem, fileLink));
  if (unchecked.length) {
    items.push(
      [
        "## Citations not checked",
        "",
        "These passages could not be checked automatically; the reason is given for each.",
        "",
        ...unchecked.map(
          (item) =>
            `- ${fileLink(item.claimFile)}, citation \`${item.citationId}\` (source \`${item.sourceId}\`): ${escapeMarkdown(item.reason)}`,
        ),
      ].join("\n"),
    );
  }

  const footer = [
    "---",
    "",
    "Some sites refuse automated requests (HTTP 403 or 429) or build their text with scripts, although the page opens fine in a browser: check in a browser before changing anything. " +
      "An `archiveUrl` must be the address of a saved copy you opened and checked, never one made up by hand.",
    "",
    `<sub>Made by \`scripts/check-sources.ts\`${options.runUrl ? ` in ${link("this run", options.runUrl)}` : ""}.</sub>`,
  ].join("\n");

  const parts = [intro.join("\n")];
  let length = parts[0]?.length ?? 0;
  const reserve = footer.length + 200;
  let shown = 0;
  for (const item of items) {
    if (length + item.length + 2 + reserve > maxLength) break;
    parts.push(item);
    length += item.length + 2;
    shown += 1;
  }
  if (shown < items.length) {
    parts.push(
      `**${plural(items.length - shown, "more section or item is", "more sections or items are")} not shown here** (the issue would be too long): the workflow log lists every problem.`,
    );
  }
  parts.push(footer);
  return { title: ISSUE_TITLE, body: `${parts.join("\n\n")}\n` };
}

type FileLink = (file: string, line?: number) => string;

function unreachableItem(problem: UnreachableUrl, fileLink: FileLink): string {
  const where = `${fileLink(problem.sourceFile, problem.line)}, field \`${problem.field}\`${problem.line === undefined ? "" : ` (line ${problem.line})`}`;
  const cited = problem.citedBy.length
    ? problem.citedBy.map((file) => fileLink(file)).join(", ")
    : "no claim (the source may be used by the timeline)";
  return [
    `### ${where}`,
    "",
    `- Address: ${autolink(problem.url)}`,
    `- Result: ${describeResult(problem)}`,
    `- Cited by: ${cited}`,
    `- **What to do:** ${unreachableAdvice(problem)}`,
  ].join("\n");
}

function unreachableAdvice(problem: UnreachableUrl): string {
  const blocked = problem.status !== undefined && MAYBE_BLOCKED.has(problem.status);
  const temporary = problem.status !== undefined && problem.status >= 500 && !blocked;
  const first = blocked
    ? "The site may be refusing automated requests: open the address in a browser first; if it opens, nothing needs to change."
    : temporary
      ? "The site reported a server error, which may pass: open the address in a browser; if it opens, nothing needs to change yet."
      : problem.error !== undefined
        ? "The site did not answer (its domain may have lapsed or its server may be down): open the address in a browser; if it opens, nothing needs to change."
        : "Open the address in a browser to confirm the page is gone.";
  const file = `\`${problem.sourceFile}\``;
  if (problem.field === "copy.url") {
    return `${first} The copy we read is gone. Look for another copy that holds the cited passages (the ${link("Wayback Machine", waybackSearch(problem.url))} may have this one) and put its address in \`copy.url\`, or remove \`copy\` if the original at \`url\` now holds them. It is in ${file}.`;
  }
  if (problem.field === "archiveUrl") {
    return `${first} If the saved copy is gone, find another on the ${link("Wayback Machine", waybackSearch(problem.sourceUrl ?? problem.url))} or archive.today, open it to check it holds the cited passages, and put its address in \`archiveUrl\` in ${file}.`;
  }
  if (problem.hasArchive) {
    return `${first} If the page moved, put its new address in \`url\` in ${file}. If it is gone for good, readers still have the saved copy in \`archiveUrl\`; open it to check it still opens.`;
  }
  return `${first} If the page moved, put its new address in \`url\`. If it is gone, find a saved copy on the ${link("Wayback Machine", waybackSearch(problem.url))}, open it to check it holds the cited passages, and add its address as \`archiveUrl\`. Both fields are in ${file}.`;
}

function missingItem(problem: MissingPassage, fileLink: FileLink): string {
  const where = `${fileLink(problem.claimFile, problem.line)}, citation \`${problem.citationId}\`${problem.line === undefined ? "" : ` (line ${problem.line})`}`;
  const copy =
    problem.checkedField === "archiveUrl"
      ? "the archived copy"
      : problem.checkedField === "copy.url"
        ? "the copy we read"
        : "the live page";
  return [
    `### ${where}`,
    "",
    `- Source: \`${problem.sourceId}\` (${fileLink(problem.sourceFile)})`,
    `- Checked: ${copy}, ${autolink(problem.checkedUrl)} (field \`${problem.checkedField}\`)${problem.finalUrl ? `, which now leads to ${autolink(problem.finalUrl)}` : ""}`,
    "- Passage not found:",
    "",
    `  > ${escapeMarkdown(problem.passage.replace(/\s+/g, " ").trim())}`,
    "",
    `- **What to do:** ${missingAdvice(problem)}`,
  ].join("\n");
}

function missingAdvice(problem: MissingPassage): string {
  const search = `Open ${problem.checkedField === "archiveUrl" ? "the archived copy" : "the page"} and search it for a few distinctive words of the passage. `;
  if (problem.checkedField === "archiveUrl") {
    if (problem.foundOnLivePage) {
      return `${search}The live page (\`url\`) still has the passage, so the saved copy is the wrong one: find a saved copy that has it, open it to check, and put its address in \`archiveUrl\` in \`${problem.sourceFile}\`.`;
    }
    return `${search}If the words differ, correct \`passage\` in \`${problem.claimFile}\` to the exact words of the source, and check the sentence citing it still holds. If the saved copy lacks the text, find one that has it and put its address in \`archiveUrl\` in \`${problem.sourceFile}\`.`;
  }
  return `${search}If the wording changed, correct \`passage\` in \`${problem.claimFile}\` to the exact words now on the page, and check the sentence citing it still holds. If the page no longer carries the text, find a saved copy from when it did on the ${link("Wayback Machine", waybackSearch(problem.checkedUrl))}, open it to check, and add its address as \`archiveUrl\` in \`${problem.sourceFile}\`. If the words are on the page after all (split by a footnote mark or added by a script), nothing needs to change.`;
}

/** The Wayback Machine's list of saved copies of an address (a search, not an archive address). */
function waybackSearch(url: string): string {
  return `https://web.archive.org/web/*/${url}`;
}

function safeHref(href: string): string {
  return href.replace(/[\s()<>]/g, (character) => encodeURIComponent(character));
}

function link(text: string, href: string): string {
  return `[${text}](${safeHref(href)})`;
}

function autolink(url: string): string {
  return `<${safeHref(url)}>`;
}

/** Text shown as written: no emphasis, links, HTML, entities or @mentions. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/[\\`*_{}[\]<>#|~]/g, "\\$&")
    .replace(/^([-+=]|\d+[.)])/, "\\$1")
    .replace(/@/g, "@&#8203;");
}

/** The report as plain text, for the log. */
export function formatReport(report: SourceCheckReport): string {
  const lines = [
    `Source check ${report.checkedAt}: ${plural(report.sourcesChecked, "source", "sources")}, ${plural(report.urlsChecked, "address", "addresses")}, ${plural(report.citationsChecked, "citation", "citations")}.`,
  ];
  const at = (file: string, line?: number): string =>
    line === undefined ? file : `${file}:${line}`;
  if (report.unreachable.length) {
    lines.push(
      "",
      `${plural(report.unreachable.length, "address does", "addresses do")} not open:`,
    );
    for (const problem of report.unreachable) {
      lines.push(
        `  ${at(problem.sourceFile, problem.line)}: ${problem.field} ${problem.url}: ${describeResult(problem)}`,
      );
    }
  }
  if (report.missingPassages.length) {
    lines.push(
      "",
      `${plural(report.missingPassages.length, "passage is", "passages are")} no longer found:`,
    );
    for (const problem of report.missingPassages) {
      lines.push(
        `  ${at(problem.claimFile, problem.line)}: citation ${problem.citationId}: not in ${problem.checkedField} of ${problem.sourceFile} (${problem.checkedUrl})`,
        `    "${problem.passage.replace(/\s+/g, " ").trim()}"`,
      );
    }
  }
  if (report.unchecked.length) {
    lines.push(
      "",
      `${plural(report.unchecked.length, "citation was", "citations were")} not checked:`,
    );
    for (const item of report.unchecked) {
      lines.push(`  ${item.claimFile}: citation ${item.citationId}: ${item.reason}`);
    }
  }
  if (!report.unreachable.length && !report.missingPassages.length) {
    lines.push("", "Every source address opens and every cited passage was found.");
  }
  return lines.join("\n");
}
