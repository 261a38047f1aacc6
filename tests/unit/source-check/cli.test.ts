import { describe, expect, test } from "vitest";
import { loadContent } from "@/content-check/load";
import {
  ISSUE_TITLE,
  runCli,
  type CliDependencies,
} from "../../../scripts/lib/source-check/index.ts";
import { ROOT, fakeWeb, FAST } from "./web.ts";

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

  test("offline, says so and writes nothing, instead of reporting every source broken", async () => {
    const offline = fakeWeb();
    const run = cli({
      ...offline,
      fetchPage: () => Promise.reject(new Error("getaddrinfo EAI_AGAIN example.org")),
    });
    expect(await runCli(["--out", "report.md"], run.deps)).toBe(3);
    expect(run.errors.join("\n")).toContain("this machine looks offline");
    expect(run.written.size).toBe(0);
    expect(run.appended.size).toBe(0);
  });

  test("exits 3, not 1, when the check itself fails", async () => {
    const run = cli(fakeWeb(), () => {
      throw new Error("disk on fire");
    });
    expect(await runCli([], run.deps)).toBe(3);
    expect(run.errors.join("\n")).toContain("disk on fire");
  });
});
