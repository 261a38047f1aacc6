import { describe, expect, test } from "vitest";
import {
  ISSUE_TITLE,
  escapeMarkdown,
  formatReport,
  renderIssue,
  type SourceCheckReport,
} from "../../../scripts/lib/source-check/index.ts";
import {
  REPORT,
  REMOVED,
  STATEMENT,
  ARCHIVE,
  CLAIM,
  STATEMENT_CLAIM,
  checkFixture,
  lineOf,
  section,
} from "./web.ts";

describe("the issue body", () => {
  test("names every broken file, field and citation, and says what to do", async () => {
    const { report } = await checkFixture();
    const { title, body } = renderIssue(report);
    expect(title).toBe(ISSUE_TITLE);
    expect(body).toContain("2 source addresses");
    expect(body).toContain("1 cited passage");

    // The dead page: file, field, line, status, who cites it, and the fix.
    const removed = section(body, "content/sources/removed-page.yaml");
    expect(removed).toContain(
      `field \`url\` (line ${lineOf("content/sources/removed-page.yaml", "url:")})`,
    );
    expect(removed).toContain(`<${REMOVED}>`);
    expect(removed).toContain("HTTP 404 (Not Found)");
    expect(removed).toContain(`\`${CLAIM}\``);
    expect(removed).toContain("Open the address in a browser to confirm the page is gone.");
    expect(removed).toContain("put its new address in `url`");
    expect(removed).toContain(`[Wayback Machine](https://web.archive.org/web/*/${REMOVED})`);
    expect(removed).toContain("add its address as `archiveUrl`");

    // The site that did not answer: the network error, and that it was retried.
    const wire = section(body, "content/sources/unreachable-site.yaml");
    expect(wire).toContain("network error: fetch failed (ENOTFOUND) (tried twice)");

    // The changed passage: claim file, citation, line, source file, address and the fix.
    const changed = section(body, `${CLAIM}\`, citation \`report-finding\``);
    expect(changed).toContain(`(line ${lineOf(CLAIM, "The agency assesses")})`);
    expect(changed).toContain("`content/sources/changed-report.yaml`");
    expect(changed).toContain(`<${REPORT}> (field \`url\`)`);
    expect(changed).toContain(
      "> The agency assesses with moderate confidence that the company is selective.",
    );
    expect(changed).toContain(`correct \`passage\` in \`${CLAIM}\``);
    expect(changed).toContain(
      "add its address as `archiveUrl` in `content/sources/changed-report.yaml`",
    );

    // Citations that could not be checked are listed with the reason.
    expect(body).toContain("## Citations not checked");
    expect(body).toContain("citation `removed-analysis`");
  });

  test("tells the editor to replace an archived copy that lacks a passage the live page has", async () => {
    const { report } = await checkFixture({
      [STATEMENT]: { status: 200, page: "statement-archived.html" },
      [ARCHIVE]: { status: 200, page: "statement-live.html" },
    });
    const body = renderIssue(report).body;
    const statement = section(body, `${STATEMENT_CLAIM}\`, citation \`company-denial\``);
    expect(statement).toContain("the archived copy");
    expect(statement).toContain("The live page (`url`) still has the passage");
    expect(statement).toContain("`archiveUrl` in `content/sources/archived-statement.yaml`");
  });

  test("adapts the advice to the failure: a refusing site, a dead archived copy", async () => {
    const { report } = await checkFixture({
      [REMOVED]: { status: 403, page: "not-found.html" },
      [ARCHIVE]: { status: 404, page: "not-found.html" },
    });
    const body = renderIssue(report).body;
    expect(section(body, "content/sources/removed-page.yaml")).toContain(
      "HTTP 403 (Forbidden)\n- Cited by",
    );
    expect(section(body, "content/sources/removed-page.yaml")).toContain(
      "may be refusing automated requests",
    );
    const archive = section(body, "content/sources/archived-statement.yaml");
    expect(archive).toContain("field `archiveUrl`");
    // The search for other saved copies is of the source's own address.
    expect(archive).toContain(`[Wayback Machine](https://web.archive.org/web/*/${STATEMENT})`);
    expect(archive).toContain(
      "put its address in `archiveUrl` in `content/sources/archived-statement.yaml`",
    );
  });

  test("links files to the repository and the run when it knows them", async () => {
    const { report } = await checkFixture();
    const { body } = renderIssue(report, {
      repositoryUrl: "https://github.com/owner/repo",
      ref: "main",
      runUrl: "https://github.com/owner/repo/actions/runs/1",
    });
    expect(body).toContain(
      `[\`${CLAIM}\`](https://github.com/owner/repo/blob/main/${CLAIM}#L${lineOf(CLAIM, "The agency assesses")})`,
    );
    expect(body).toContain("[this run](https://github.com/owner/repo/actions/runs/1)");
  });

  test("shows passages as written: no Markdown, HTML or @mentions", () => {
    expect(escapeMarkdown("*not bold* <b>x</b> [a](b) @someone #12 & more")).toBe(
      "\\*not bold\\* \\<b\\>x\\</b\\> \\[a\\](b) @&#8203;someone \\#12 &amp; more",
    );
    expect(escapeMarkdown("- not a list")).toBe("\\- not a list");
  });

  test("stays under GitHub's length limit, saying what it left out", async () => {
    const { report } = await checkFixture();
    const many: SourceCheckReport = {
      ...report,
      missingPassages: Array.from({ length: 400 }, () => report.missingPassages[0]!),
    };
    const { body } = renderIssue(many, { maxLength: 20_000 });
    expect(body.length).toBeLessThanOrEqual(20_000);
    expect(body).toMatch(/\*\*\d+ more sections or items are not shown here\*\*/);
  });

  test("the log report lists each problem on its own line", async () => {
    const { report } = await checkFixture();
    const text = formatReport(report);
    expect(text).toContain(
      `content/sources/removed-page.yaml:5: url ${REMOVED}: HTTP 404 (Not Found)`,
    );
    expect(text).toMatch(/content\/claims\/fixture-claim\.mdx:\d+: citation report-finding/);
  });
});
