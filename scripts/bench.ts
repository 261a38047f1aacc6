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
import { printTable } from "./lib/table.ts";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadContent } from "../src/content-check/load.ts";
import { RouteTimings, type RouteGroup } from "./lib/build-log.ts";
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
import { TEST_DEPLOYMENT } from "./lib/test-deployment.ts";

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
  readonly routes: readonly RouteGroup[];
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

async function build(
  name: string,
  root: string,
  verbose: boolean,
  signal: AbortSignal,
): Promise<BuildResult> {
  console.log(`Building the ${name} site in ${root} ...`);
  // Run astro's own bin with this very Node: the machine's `node` may be too
  // old for Astro, and the script already runs on the project's Node.
  // OUT_DIR would move the output away from dist/, where the pages are counted.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env["OUT_DIR"];
  const timings = new RouteTimings();
  const run = await runMeasured(
    process.execPath,
    [join(root, "node_modules/.bin/astro"), "build"],
    {
      cwd: root,
      signal,
      env: {
        ...env,
        // A production build needs an address and a contact route.
        ...TEST_DEPLOYMENT,
        PATH: `${join(REPO_ROOT, "node_modules/.bin")}:${process.env["PATH"] ?? ""}`,
        ASTRO_TELEMETRY_DISABLED: "1",
      },
      onOutput: (chunk: string) => {
        timings.add(chunk);
        if (verbose) process.stdout.write(chunk);
      },
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
  return {
    name,
    run,
    htmlPages: countFiles(dist, ".html"),
    files: countFiles(dist),
    routes: timings.groups(),
  };
}

const megabytes = (bytes: number): string => (bytes / 1024 ** 2).toFixed(0);
const verdict = (ok: boolean): string => (ok ? "PASS" : "FAIL");

/** Where the time went: Astro's per-file timings by route, and the rest. */
function timeBreakdown(result: BuildResult): string {
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const rendered = result.routes.reduce((sum, group) => sum + group.milliseconds, 0);
  const groups = result.routes.map(
    (group) => `${group.route} ${seconds(group.milliseconds)} (${group.files} files)`,
  );
  const rest = seconds(Math.max(0, result.run.seconds * 1000 - rendered));
  return `${groups.join(", ")}; other work (start-up, content sync, bundling, post-build hooks) ${rest}`;
}

/** The processes that weighed most, so a memory miss points at its cause. */
function memoryBreakdown(run: MeasuredRun): string {
  return (
    run.processes
      // Exited or just-started processes read as a bare pid with no memory.
      .filter((process) => process.hwmBytes >= 1024 ** 2)
      .slice(0, 4)
      .map((process) => `${process.label} ${megabytes(process.hwmBytes)} MB`)
      .join(", ")
  );
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
  for (const result of [full, bare]) {
    console.log(`Time by route, ${result.name}: ${timeBreakdown(result)}`);
  }
  console.log("\nTargets:");
  console.log(
    `  ${verdict(timeRatio <= TARGETS.timeRatio)}  build time within ${TARGETS.timeRatio}x the bare site's (${timeRatio.toFixed(2)}x)`,
  );
  console.log(
    `  ${verdict(full.run.peakBytes <= TARGETS.peakBytes)}  peak memory within ${megabytes(TARGETS.peakBytes)} MB (${megabytes(full.run.peakBytes)} MB)`,
  );
}

/** One line for a build that succeeded when the other failed. */
function printSummary(result: BuildResult): void {
  console.log(
    `\nThe ${result.name} site built ${result.htmlPages} HTML pages in ${result.run.seconds.toFixed(1)} s ` +
      `(${(result.htmlPages / result.run.seconds).toFixed(1)} pages/s), peak ${megabytes(result.run.peakBytes)} MB: ` +
      `${memoryBreakdown(result.run)}.`,
  );
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** Waits for a build without letting its failure skip the next one. */
async function settle<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
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
  const cleanUp = (): void => {
    removeDir(fullRoot);
    removeDir(bareRoot);
  };
  // Being stopped must neither leave a build running nor two site copies behind.
  const running = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      running.abort();
      cleanUp();
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
  try {
    copyProject(REPO_ROOT, fullRoot);
    linkNodeModules(REPO_ROOT, fullRoot);
    const files = generateSyntheticContent({ claims, firstOrder: lastClaimOrder(fullRoot) + 1 });
    writeFiles(fullRoot, files);
    console.log(`Generated ${claims} claims, ${sourceCount(claims)} sources and 1 claimant.`);
    // The bare site gets every claim MDX of the full copy, the real ones too,
    // so both builds render exactly the same MDX.
    createBareSite(REPO_ROOT, bareRoot, join(fullRoot, "content", "claims"));

    warnIfBusy();
    // Full first: the bare build then runs with warm OS file caches, which can
    // only make the full/bare ratio look worse, never better. A failed full
    // build does not stop the bare one: its figures still tell whether the
    // failure is the site's or Astro's own limit.
    const full = await settle(build("full", fullRoot, verbose, running.signal));
    const bare = await settle(build("bare", bareRoot, verbose, running.signal));
    if (full.ok && bare.ok) {
      printReport(claims, full.value, bare.value);
      return;
    }
    for (const outcome of [full, bare]) if (outcome.ok) printSummary(outcome.value);
    throw new Error(
      [full, bare].flatMap((outcome) => (outcome.ok ? [] : [outcome.error])).join("\n\n"),
    );
  } finally {
    cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(`\nbench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
