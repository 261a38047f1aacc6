/**
 * Build benchmark: how much does this site cost to build at scale, compared
 * with the bare minimum Astro needs to render the same MDX?
 *
 *   npm run bench [-- --claims N] [-- --verbose]
 *
 * Generates N synthetic claims (default 1000) with their sources and claimant
 * into a temporary copy of the site, builds it with the project's Astro, then
 * builds a bare Astro site holding the same claim MDX, and prints build time,
 * pages per second and peak memory of each, their ratios and the targets.
 * Nothing in the repository is written; both temporary folders are removed.
 */
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadContent } from "../src/lib/content-check/load.ts";
import { runMeasured, type MeasuredRun } from "./lib/process-memory.ts";
import { generateSyntheticContent, sourceCount, writeFiles } from "./lib/synthetic.ts";
import {
  copyProject,
  countFiles,
  createBareSite,
  linkNodeModules,
  makeTempDir,
  removeDir,
} from "./lib/temp-site.ts";

/** The targets the full site is held to. A miss is reported, not fatal. */
const TARGETS = {
  /** Full build time at most this multiple of the bare build's. */
  timeRatio: 1.5,
  /** Peak memory of the full build's process tree. */
  peakBytes: 1.5 * 1024 ** 3,
} as const;

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

interface BuildResult {
  readonly name: string;
  readonly run: MeasuredRun;
  readonly htmlPages: number;
  readonly files: number;
}

function parseOptions(): { claims: number; verbose: boolean } {
  const { values } = parseArgs({
    options: {
      claims: { type: "string", default: "1000" },
      verbose: { type: "boolean", default: false },
    },
  });
  const claims = Number(values.claims);
  if (!Number.isInteger(claims) || claims < 1) {
    throw new Error(`--claims must be a whole number of at least 1 (got "${values.claims}")`);
  }
  return { claims, verbose: values.verbose };
}

/** The highest `appearance.order` among the real claims, so synthetic ones follow them. */
function lastClaimOrder(projectRoot: string): number {
  const orders = loadContent(projectRoot)
    .files.filter((file) => file.collection === "claims")
    .map((file) => {
      const appearance = (file.data as { appearance?: { order?: unknown } } | null)?.appearance;
      return typeof appearance?.order === "number" ? appearance.order : 0;
    });
  return Math.max(0, ...orders);
}

async function build(name: string, root: string, verbose: boolean): Promise<BuildResult> {
  console.log(`Building the ${name} site in ${root} ...`);
  // Run astro's own bin with this very Node: the machine's `node` may be too
  // old for Astro, and the script already runs on the project's Node.
  const run = await runMeasured(
    process.execPath,
    [join(root, "node_modules/.bin/astro"), "build"],
    {
      cwd: root,
      env: {
        ...process.env,
        PATH: `${join(REPO_ROOT, "node_modules/.bin")}:${process.env["PATH"] ?? ""}`,
        ASTRO_TELEMETRY_DISABLED: "1",
      },
      ...(verbose ? { onOutput: (chunk: string) => process.stdout.write(chunk) } : {}),
    },
  );
  if (run.exitCode !== 0) {
    const how = run.signal ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`;
    throw new Error(
      `The ${name} site's build failed: astro build ${how} after ${run.seconds.toFixed(1)} s.\n` +
        `Last lines of its output:\n${run.outputTail}`,
    );
  }
  const dist = join(root, "dist");
  return { name, run, htmlPages: countFiles(dist, ".html"), files: countFiles(dist) };
}

const megabytes = (bytes: number): string => (bytes / 1024 ** 2).toFixed(0);
const verdict = (ok: boolean): string => (ok ? "PASS" : "FAIL");

/** Left-aligns the first column and right-aligns the numbers. */
function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
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

/** The processes that weighed most, so a memory miss points at its cause. */
function memoryBreakdown(run: MeasuredRun): string {
  return run.processes
    .slice(0, 4)
    .map((process) => `${process.label} ${megabytes(process.hwmBytes)} MB`)
    .join(", ");
}

function printReport(claims: number, full: BuildResult, bare: BuildResult): void {
  const timeRatio = full.run.seconds / bare.run.seconds;
  const memoryRatio = full.run.peakBytes / bare.run.peakBytes;
  console.log(`\nBuild benchmark: ${claims} synthetic claims (same MDX in both sites)\n`);
  printTable(
    ["Site", "HTML pages", "Files", "Build (s)", "Pages/s", "Peak RSS (MB)"],
    [full, bare].map((result) => [
      result.name,
      String(result.htmlPages),
      String(result.files),
      result.run.seconds.toFixed(1),
      (result.htmlPages / result.run.seconds).toFixed(1),
      megabytes(result.run.peakBytes),
    ]),
  );
  console.log(
    `\nFull / bare: time ${timeRatio.toFixed(2)}x, peak memory ${memoryRatio.toFixed(2)}x`,
  );
  // Peak RSS: the largest sampled sum over the build's process tree, or the
  // largest single-process VmHWM if that is higher (see lib/process-memory.ts).
  for (const result of [full, bare]) {
    console.log(
      `Peak per process, ${result.name}: ${memoryBreakdown(result.run)} ` +
        `(tree sum ${megabytes(result.run.peakTreeRssBytes)} MB, sampled every 100 ms)`,
    );
  }
  console.log("\nTargets:");
  console.log(
    `  ${verdict(timeRatio <= TARGETS.timeRatio)}  build time within ${TARGETS.timeRatio}x the bare site's (${timeRatio.toFixed(2)}x)`,
  );
  console.log(
    `  ${verdict(full.run.peakBytes <= TARGETS.peakBytes)}  peak memory within ${megabytes(TARGETS.peakBytes)} MB (${megabytes(full.run.peakBytes)} MB)`,
  );
}

/** Other builds on the machine skew the timings; say so rather than report bad figures silently. */
function warnIfBusy(): void {
  const [load] = loadavg();
  const cpus = availableParallelism();
  if ((load ?? 0) > cpus / 2) {
    console.warn(
      `Warning: load average is ${load?.toFixed(1)} on ${cpus} CPUs; other work may slow the builds.`,
    );
  }
}

async function main(): Promise<void> {
  const { claims, verbose } = parseOptions();
  const fullRoot = makeTempDir("bench-full");
  const bareRoot = makeTempDir("bench-bare");
  // Ctrl-C must not leave two site copies in the temp folder.
  const cleanUp = (): void => {
    removeDir(fullRoot);
    removeDir(bareRoot);
  };
  process.once("SIGINT", () => {
    cleanUp();
    process.exit(130);
  });
  try {
    copyProject(REPO_ROOT, fullRoot);
    linkNodeModules(REPO_ROOT, fullRoot);
    const files = generateSyntheticContent({ claims, firstOrder: lastClaimOrder(fullRoot) + 1 });
    writeFiles(fullRoot, files);
    console.log(
      `Generated ${claims} claims, ${sourceCount({ claims, firstOrder: 1 })} sources and 1 claimant.`,
    );
    // The bare site gets every claim MDX of the full copy, the real ones too,
    // so both builds render exactly the same MDX.
    createBareSite(REPO_ROOT, bareRoot, join(fullRoot, "content", "claims"));

    warnIfBusy();
    // Full first: the bare build then runs with warm OS file caches, which can
    // only make the full/bare ratio look worse, never better.
    const full = await build("full", fullRoot, verbose);
    const bare = await build("bare", bareRoot, verbose);
    printReport(claims, full, bare);
  } finally {
    cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(`\nbench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
