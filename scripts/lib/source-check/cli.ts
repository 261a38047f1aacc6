/**
 * The command line of the source-check check (scripts/check-sources.ts),
 * with everything that touches the world passed in so tests can run it.
 *
 * Exit codes: 0 all sources open and every passage was found; 1 something
 * rotted (the report says what); 2 usage error; 3 the check itself failed.
 */
import { parseArgs } from "node:util";
import { formatProblem, type Problem } from "../../../src/content-check/problem.ts";
import { checkSources, type CheckOptions } from "./check.ts";
import { formatReport, renderIssue } from "./issue.ts";
import { hasProblems, type FetchPage, type LoadedFile, type SourceCheckReport } from "./types.ts";

export const EXIT = { ok: 0, problems: 1, usage: 2, failure: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Every address failed without any server answering: the network is down,
 * not every publisher at once. Reporting that as rot would file an issue
 * saying every source is broken.
 */
export function isOffline(report: SourceCheckReport): boolean {
  return (
    report.urlsChecked > 1 &&
    report.unreachable.length === report.urlsChecked &&
    report.unreachable.every((problem) => problem.status === undefined)
  );
}

export const DEFAULT_OUT = "source-check-report.md";

export const USAGE = `Usage: node scripts/check-sources.ts [--out <path>]

Fetches every source's url and archiveUrl in content/sources/ and checks that
each passage cited in content/claims/ is still on the page it cites (the
archived copy when there is one).

  --out <path>  Where to write the report as a GitHub issue body in Markdown
                (default ${DEFAULT_OUT}).
  --help        Show this help.

Exit codes: 0 nothing to fix, 1 links or passages to fix (see the report),
2 usage error, 3 the check itself failed.`;

export interface CliDependencies {
  /** The project root: content is read from <root>/content. */
  readonly root: string;
  readonly load: (root: string) => {
    readonly files: readonly LoadedFile[];
    readonly problems: readonly Problem[];
  };
  readonly fetchPage: FetchPage;
  readonly writeFile: (path: string, text: string) => void;
  readonly appendFile: (path: string, text: string) => void;
  readonly log: (text: string) => void;
  readonly error: (text: string) => void;
  /** GITHUB_* variables link the issue to the repository and run; GITHUB_OUTPUT receives the title. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly checkOptions?: CheckOptions;
}

export async function runCli(argv: readonly string[], deps: CliDependencies): Promise<ExitCode> {
  let out: string;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { out: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      deps.log(USAGE);
      return EXIT.ok;
    }
    out = values.out ?? DEFAULT_OUT;
    if (!out.trim()) throw new Error("--out needs a file path");
  } catch (error) {
    deps.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT.usage;
  }

  try {
    const { files, problems } = deps.load(deps.root);
    if (problems.length) {
      deps.error(
        [
          `${problems.length} content file(s) could not be read and were skipped (run npm run build to see every content problem):`,
          ...problems.map((problem) => `  ${formatProblem(problem)}`),
        ].join("\n"),
      );
    }
    const report = await checkSources(files, deps.fetchPage, deps.checkOptions);
    if (isOffline(report)) {
      deps.error(
        `No source answered: all ${report.urlsChecked} addresses failed with network errors (${report.unreachable[0]?.error ?? "no connection"}), so this machine looks offline rather than every source broken. Nothing was written; run the check again with a network connection.`,
      );
      return EXIT.failure;
    }
    deps.log(formatReport(report));

    const { env } = deps;
    const repositoryUrl =
      env["GITHUB_SERVER_URL"] && env["GITHUB_REPOSITORY"]
        ? `${env["GITHUB_SERVER_URL"]}/${env["GITHUB_REPOSITORY"]}`
        : undefined;
    const issue = renderIssue(report, {
      repositoryUrl,
      ref: env["GITHUB_REF_NAME"] || undefined,
      runUrl:
        repositoryUrl && env["GITHUB_RUN_ID"]
          ? `${repositoryUrl}/actions/runs/${env["GITHUB_RUN_ID"]}`
          : undefined,
    });
    deps.writeFile(out, issue.body);
    deps.log(`\nWrote the issue body to ${out}.`);
    const githubOutput = env["GITHUB_OUTPUT"];
    if (githubOutput) deps.appendFile(githubOutput, `title=${issue.title}\n`);
    return hasProblems(report) ? EXIT.problems : EXIT.ok;
  } catch (error) {
    deps.error(
      `The source check itself failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return EXIT.failure;
  }
}
