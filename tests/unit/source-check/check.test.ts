import { describe, expect, test } from "vitest";
import { loadContent } from "@/content-check/load";
import {
  checkSources,
  hasProblems,
  type FetchPage,
  type LoadedFile,
  type PageResult,
} from "../../../scripts/lib/source-check/index.ts";
import {
  ROOT,
  STORY,
  REPORT,
  REMOVED,
  WIRE,
  STATEMENT,
  ARCHIVE,
  CLAIM,
  STATEMENT_CLAIM,
  fakeWeb,
  FAST,
  checkFixture,
  lineOf,
  citationIds,
} from "./web.ts";

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

  test("reads passages from the copy we read, and reports a lost copy by its field and line", async () => {
    const files: LoadedFile[] = [
      {
        collection: "sources",
        id: "reposted",
        file: "content/sources/reposted.yaml",
        data: {
          url: "https://paper.test/original",
          copy: { url: "https://mirror.test/copy", what: "A repost" },
        },
        lineOf: (path) => (path.join(".") === "copy.url" ? 7 : 5),
      },
      {
        collection: "claims",
        id: "c",
        file: "content/claims/c.mdx",
        data: { citations: [{ id: "x", source: "reposted", passage: "The passage we read." }] },
      },
    ];
    const web =
      (copy: PageResult): FetchPage =>
      async (url) =>
        url === "https://mirror.test/copy"
          ? copy
          : { status: 200, finalUrl: url, body: "<p>Subscribe to read.</p>" };
    const found = await checkSources(
      files,
      web({
        status: 200,
        finalUrl: "https://mirror.test/copy",
        body: "<p>The passage we read.</p>",
      }),
      FAST,
    );
    expect(found.missingPassages).toEqual([]);
    expect(found.urlsChecked).toBe(2);

    const lost = await checkSources(
      files,
      web({ status: 404, finalUrl: "https://mirror.test/copy", body: "" }),
      FAST,
    );
    expect(lost.unreachable).toContainEqual(
      expect.objectContaining({ field: "copy.url", line: 7, url: "https://mirror.test/copy" }),
    );
    expect(lost.missingPassages).toContainEqual(
      expect.objectContaining({ citationId: "x", checkedField: "url" }),
    );
  });
});
