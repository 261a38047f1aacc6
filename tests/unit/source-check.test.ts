/**
 * The source-check check against a fake web: fixture pages in
 * tests/fixtures/source-check/pages/, served by a fake `fetchPage`, for the
 * fixture content in tests/fixtures/source-check/content/. Nothing here touches
 * the network.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { loadContent } from "@/content-check/load";
import {
  ISSUE_TITLE,
  checkSources,
  containsPassage,
  createFetchPage,
  escapeMarkdown,
  formatReport,
  hasProblems,
  pageText,
  renderIssue,
  runCli,
  type CliDependencies,
  type FetchPage,
  type LoadedFile,
  type PageResult,
  type SourceCheckReport,
} from "../../scripts/lib/source-check/index.ts";

const ROOT = fileURLToPath(new URL("../fixtures/source-check/", import.meta.url));
const page = (name: string): string =>
  readFileSync(new URL(`../fixtures/source-check/pages/${name}`, import.meta.url), "utf8");

const STORY = "https://news.test/agency-grounds-drones";
const REPORT = "https://agency.test/report";
const REMOVED = "https://blog.test/removed";
const WIRE = "https://wire.test/story";
const STATEMENT = "https://company.test/statement";
const ARCHIVE = "https://web.archive.org/web/20171201000000/https://company.test/statement";

const CLAIM = "content/claims/fixture-claim.mdx";
const STATEMENT_CLAIM = "content/claims/statement-claim.mdx";

/** What the fake web answers for one request: a page, an error result, or a thrown error. */
type Answer =
  | { status: number; page: string; finalUrl?: string; contentType?: string }
  | { error: string }
  | { throws: Error }
  | "hang";

const networkError = (host: string): Error =>
  new TypeError("fetch failed", {
    cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" }),
  });

const FIXTURE_WEB: Readonly<Record<string, Answer | Answer[]>> = {
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
function fakeWeb(overrides: Readonly<Record<string, Answer | Answer[]>> = {}) {
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

const FAST = { retryDelayMs: 0, now: () => new Date("2026-11-30T06:00:00Z") } as const;

async function checkFixture(overrides: Readonly<Record<string, Answer | Answer[]>> = {}) {
  const web = fakeWeb(overrides);
  const { files, problems } = loadContent(ROOT);
  expect(problems).toEqual([]);
  const report = await checkSources(files, web.fetchPage, FAST);
  return { report, web };
}

/** The 1-based line of the first line of a fixture file containing `text`. */
function lineOf(file: string, text: string): number {
  const lines = readFileSync(`${ROOT}${file}`, "utf8").split("\n");
  const index = lines.findIndex((line) => line.includes(text));
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

const citationIds = (report: SourceCheckReport) =>
  report.missingPassages.map((missing) => missing.citationId);

describe("comparing a passage with a page", () => {
  const story = pageText(page("formatted-story.html"));

  test("finds a passage despite curly quotes, entities, inline tags, dashes and extra whitespace", () => {
    expect(
      containsPassage(
        story,
        'The memorandum orders units to "cease all use, uninstall all DJI\n  applications" - and to secure equipment for follow-on direction.',
      ),
    ).toBe(true);
    expect(containsPassage(story, "Tom & Jerry's drones were not affected.")).toBe(true);
  });

  test("ignores letter case", () => {
    expect(containsPassage(story, "TOM & JERRY’S DRONES WERE NOT AFFECTED.")).toBe(true);
  });

  test("reads an editor's [brackets] and ellipsis as gaps, in order", () => {
    expect(
      containsPassage(
        story,
        "[T]he order ... grounds products supplied by the leading manufacturer",
      ),
    ).toBe(true);
    expect(containsPassage(story, "grounds products ... [T]he order")).toBe(false);
  });

  test("does not find changed wording, nor text only in a script or style", () => {
    const report = pageText(page("changed-report.html"));
    expect(
      containsPassage(
        report,
        "The agency assesses with moderate confidence that the company is selective.",
      ),
    ).toBe(false);
    expect(containsPassage(report, "with low confidence")).toBe(true);
    expect(containsPassage(story, "headline")).toBe(false);
    expect(containsPassage(story, "content:")).toBe(false);
    expect(containsPassage(story, "")).toBe(false);
  });
});

describe("the source-check check", () => {
  test("passes a passage present on the page despite formatting differences", async () => {
    const { report } = await checkFixture();
    expect(citationIds(report)).not.toContain("cease-all-use");
    expect(citationIds(report)).not.toContain("elided-quote");
    expect(report.unreachable.map((problem) => problem.url)).not.toContain(STORY);
  });

  test("reports a missing passage with the claim file, citation id, source and address checked", async () => {
    const { report } = await checkFixture();
    expect(report.missingPassages).toEqual([
      {
        claimFile: CLAIM,
        claimId: "fixture-claim",
        citationId: "report-finding",
        line: lineOf(CLAIM, "The agency assesses"),
        sourceId: "changed-report",
        sourceFile: "content/sources/changed-report.yaml",
        checkedField: "url",
        checkedUrl: REPORT,
        finalUrl: undefined,
        passage: "The agency assesses with moderate confidence that the company is selective.",
        foundOnLivePage: undefined,
      },
    ]);
    expect(hasProblems(report)).toBe(true);
  });

  test("reports an unreachable address with its status, and does not read the error page", async () => {
    const { report } = await checkFixture();
    expect(report.unreachable).toContainEqual({
      sourceId: "removed-page",
      sourceFile: "content/sources/removed-page.yaml",
      field: "url",
      line: lineOf("content/sources/removed-page.yaml", "url:"),
      url: REMOVED,
      status: 404,
      sourceUrl: REMOVED,
      hasArchive: false,
      citedBy: [CLAIM],
    });
    // The 404 page happens to contain the passage: it must not count as found or missing.
    expect(citationIds(report)).not.toContain("removed-analysis");
    expect(report.unchecked).toContainEqual({
      claimFile: CLAIM,
      citationId: "removed-analysis",
      sourceId: "removed-page",
      reason: "no address of the source opens (see above)",
    });
  });

  test("retries once on a network error, then reports it", async () => {
    const { report, web } = await checkFixture();
    expect(web.count(WIRE)).toBe(2);
    const wire = report.unreachable.find((problem) => problem.url === WIRE);
    expect(wire).toMatchObject({
      sourceFile: "content/sources/unreachable-site.yaml",
      field: "url",
    });
    expect(wire?.status).toBeUndefined();
    expect(wire?.error).toContain("ENOTFOUND");
    // Addresses that answered are fetched once.
    expect(web.count(STORY)).toBe(1);
    expect(web.count(REMOVED)).toBe(1);
  });

  test("a network error that clears on the retry is not reported", async () => {
    const { report, web } = await checkFixture({
      [WIRE]: [{ error: "fetch failed (ECONNRESET)" }, { status: 200, page: "not-found.html" }],
    });
    expect(web.count(WIRE)).toBe(2);
    expect(report.unreachable.map((problem) => problem.url)).not.toContain(WIRE);
    expect(citationIds(report)).toContain("wire-story");
  });

  test("a request that takes too long counts as a network error and is retried", async () => {
    const web = fakeWeb({ [STORY]: "hang" });
    const { files } = loadContent(ROOT);
    const report = await checkSources(files, web.fetchPage, { ...FAST, timeoutMs: 20 });
    expect(web.count(STORY)).toBe(2);
    expect(report.unreachable.find((problem) => problem.url === STORY)?.error).toMatch(
      /timed out after 20 ms/,
    );
  });

  test("reads passages from the archived copy when there is one", async () => {
    const { report, web } = await checkFixture();
    // The live page lost the statement; the archived copy (with &#146; for the apostrophe) has it.
    expect(web.count(ARCHIVE)).toBe(1);
    expect(citationIds(report)).not.toContain("company-denial");
    expect(report.unreachable.map((problem) => problem.sourceId)).not.toContain(
      "archived-statement",
    );
  });

  test("reports a passage missing from the archived copy against the archive address", async () => {
    const { report } = await checkFixture({
      [ARCHIVE]: { status: 200, page: "changed-report.html" },
    });
    expect(report.missingPassages).toContainEqual(
      expect.objectContaining({
        claimFile: STATEMENT_CLAIM,
        citationId: "company-denial",
        checkedField: "archiveUrl",
        checkedUrl: ARCHIVE,
        foundOnLivePage: false,
      }),
    );
  });

  test("falls back to the live page when the archived copy does not open", async () => {
    const { report } = await checkFixture({ [ARCHIVE]: { status: 503, page: "not-found.html" } });
    expect(report.unreachable).toContainEqual(
      expect.objectContaining({ field: "archiveUrl", url: ARCHIVE, status: 503 }),
    );
    expect(report.missingPassages).toContainEqual(
      expect.objectContaining({
        citationId: "company-denial",
        checkedField: "url",
        checkedUrl: STATEMENT,
        finalUrl: "https://company.test/newsroom",
      }),
    );
  });

  test("does not read a PDF as a page: its passages are listed as not checked", async () => {
    const { report } = await checkFixture({
      [REPORT]: { status: 200, page: "changed-report.html", contentType: "application/pdf" },
    });
    expect(citationIds(report)).not.toContain("report-finding");
    expect(report.unchecked.map((item) => item.citationId)).toContain("report-finding");
  });

  test("counts a final 2xx or 3xx answer as reachable, and 4xx as not", async () => {
    const { report } = await checkFixture({
      [REMOVED]: { status: 399, page: "not-found.html" },
      [WIRE]: { status: 200, page: "not-found.html" },
    });
    expect(report.unreachable).toEqual([]);
    const { report: bad } = await checkFixture({
      [STORY]: { status: 400, page: "not-found.html" },
    });
    expect(bad.unreachable).toContainEqual(expect.objectContaining({ url: STORY, status: 400 }));
  });

  test("fetches at most 4 addresses at once, and one at a time per host", async () => {
    const files: LoadedFile[] = Array.from({ length: 12 }, (_, index) => ({
      collection: "sources",
      id: `source-${index}`,
      file: `content/sources/source-${index}.yaml`,
      data: { url: `https://host-${index % 6}.test/page-${index}` },
    }));
    let inFlight = 0;
    let most = 0;
    const hosts = new Set<string>();
    let hostClash = false;
    const fetchPage: FetchPage = async (url) => {
      const host = new URL(url).host;
      if (hosts.has(host)) hostClash = true;
      hosts.add(host);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      hosts.delete(host);
      return { status: 200, finalUrl: url, body: "<p>ok</p>" };
    };
    const report = await checkSources(files, fetchPage, FAST);
    expect(report.urlsChecked).toBe(12);
    expect(most).toBe(4);
    expect(hostClash).toBe(false);
  });
});

describe("the real fetchPage", () => {
  test("sends a polite User-Agent, follows redirects and decodes the page's charset", async () => {
    let headers: Headers | undefined;
    let redirect: RequestRedirect | undefined;
    const fetch: typeof globalThis.fetch = async (_input, init) => {
      headers = new Headers(init?.headers);
      redirect = init?.redirect;
      return new Response(Uint8Array.from([0x93, 0x68, 0x69, 0x94]), {
        status: 200,
        headers: { "content-type": "text/html; charset=windows-1252" },
      });
    };
    const result = await createFetchPage({ fetch, userAgent: "Polite/1.0 (+contact)" })(STORY);
    expect(headers?.get("user-agent")).toBe("Polite/1.0 (+contact)");
    expect(redirect).toBe("follow");
    expect(result).toMatchObject({
      status: 200,
      body: "“hi”",
      contentType: expect.stringContaining("html"),
    });
    const defaultAgent = createFetchPage({ fetch });
    await defaultAgent(STORY);
    expect(headers?.get("user-agent")).toMatch(/^DJIClaimsCheck-SourceCheck\/1\.0 \(/);
  });

  test("turns a thrown network error into an error result naming its cause", async () => {
    const fetch: typeof globalThis.fetch = async () => {
      throw networkError("wire.test");
    };
    expect(await createFetchPage({ fetch })(WIRE)).toEqual({ error: "fetch failed (ENOTFOUND)" });
  });
});

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

describe("the command line", () => {
  function cli(web = fakeWeb(), load: CliDependencies["load"] = loadContent) {
    const written = new Map<string, string>();
    const appended = new Map<string, string>();
    const out: string[] = [];
    const errors: string[] = [];
    const deps: CliDependencies = {
      root: ROOT,
      load,
      fetchPage: web.fetchPage,
      writeFile: (path, text) => written.set(path, text),
      appendFile: (path, text) => appended.set(path, (appended.get(path) ?? "") + text),
      log: (text) => out.push(text),
      error: (text) => errors.push(text),
      env: { GITHUB_OUTPUT: "/tmp/github-output" },
      checkOptions: FAST,
    };
    return { deps, written, appended, out, errors };
  }

  test("exits 1 when something rotted, writing the issue body to --out and the title for the workflow", async () => {
    const run = cli();
    expect(await runCli(["--out", "report.md"], run.deps)).toBe(1);
    expect(run.written.get("report.md")).toContain("citation `report-finding`");
    expect(run.appended.get("/tmp/github-output")).toBe(`title=${ISSUE_TITLE}\n`);
    expect(run.out.join("\n")).toContain("HTTP 404 (Not Found)");
  });

  test("exits 0 when nothing rotted, writing to the default file", async () => {
    const { files } = loadContent(ROOT);
    const source = files.find((file) => file.id === "formatted-story")!;
    const claim = files.find((file) => file.id === "fixture-claim")!;
    const data = claim.data as { citations: unknown[] };
    // The two citations of the formatted story, both on the page.
    const clean = [source, { ...claim, data: { ...data, citations: data.citations.slice(0, 2) } }];
    const run = cli(fakeWeb(), () => ({ files: clean, problems: [] }));
    expect(await runCli([], run.deps)).toBe(0);
    expect(run.written.get("source-check-report.md")).toContain("nothing to fix");
  });

  test("exits 2 on a usage error, without fetching anything", async () => {
    const web = fakeWeb();
    for (const argv of [["--bogus"], ["--out"], ["--out", " "], ["extra"]]) {
      const run = cli(web);
      expect(await runCli(argv, run.deps)).toBe(2);
      expect(run.errors.join("\n")).toContain("Usage: node scripts/check-sources.ts");
    }
    expect(web.calls).toEqual([]);
  });

  test("exits 3, not 1, when the check itself fails", async () => {
    const run = cli(fakeWeb(), () => {
      throw new Error("disk on fire");
    });
    expect(await runCli([], run.deps)).toBe(3);
    expect(run.errors.join("\n")).toContain("disk on fire");
  });
});

/** The part of the issue body from the heading that mentions `text` to the next heading. */
function section(body: string, text: string): string {
  const start = body
    .split("\n")
    .findIndex((line) => line.startsWith("### ") && line.includes(text));
  expect(start).toBeGreaterThanOrEqual(0);
  const lines = body.split("\n").slice(start);
  const end = lines.findIndex((line, index) => index > 0 && /^##/.test(line));
  return lines.slice(0, end === -1 ? undefined : end).join("\n");
}
