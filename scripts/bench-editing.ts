/**
 * The editors' feedback loop, timed: how long `npm run check:content` takes,
 * and how long the dev server takes from saving a claim to serving the page
 * with the change, on this site and with synthetic claims added.
 *
 *   npm run bench:editing [-- --claims 1000] [-- --port 4409] [-- --rounds 3]
 *
 * Each case runs in a temporary copy of the site (as `npm run bench` does);
 * nothing in the repository is written. The synthetic claims are committed
 * in the copy and the check compares with that commit (BASE_REF=HEAD): an
 * editor's check sees the claims already on the base branch and formats
 * only what the editor changed, not 3,000 new files.
 */
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { appendFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadContent } from "../src/content-check/load.ts";
import { runMeasured } from "./lib/process-memory.ts";
import { firstSyntheticOrder, generateSyntheticContent, writeFiles } from "./lib/synthetic.ts";
import { printTable } from "./lib/table.ts";
import { copyProject, linkNodeModules, makeTempDir, removeDir } from "./lib/temp-site.ts";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
/** How long the dev server may take to start, or a page to change, before the run fails. */
const TIMEOUT_MS = 10 * 60 * 1000;

interface LoopTimes {
  readonly label: string;
  readonly checkSeconds: number;
  /** CPU time of the check: unlike its wall time, hardly changed by other work on the machine. */
  readonly checkCpuSeconds: number;
  readonly devStartSeconds: number;
  readonly saveToPageSeconds: readonly number[];
}

function parseOptions(): { claims: number; port: number; rounds: number } {
  const { values } = parseArgs({
    options: {
      claims: { type: "string", default: "1000" },
      port: { type: "string", default: "4409" },
      rounds: { type: "string", default: "3" },
    },
  });
  const numbers = {
    claims: Number(values.claims),
    port: Number(values.port),
    rounds: Number(values.rounds),
  };
  for (const [name, value] of Object.entries(numbers)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`--${name} must be a whole number of at least 1 (got "${String(value)}")`);
    }
  }
  return numbers;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Polls `url` until its body passes `test`; the seconds it took. */
async function waitFor(url: string, test: (body: string) => boolean): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < TIMEOUT_MS) {
    try {
      const response = await fetch(url);
      if (response.ok && test(await response.text())) return (performance.now() - started) / 1000;
    } catch {
      // Not listening yet.
    }
    await sleep(25);
  }
  throw new Error(`${url} did not show the change within ${TIMEOUT_MS / 1000} s`);
}

/** The first published claim of the copy, the one whose file is edited. */
function editedClaim(root: string): { id: string; file: string } {
  const claim = loadContent(root).files.find(
    (file) => file.collection === "claims" && (file.data as { draft?: unknown }).draft !== true,
  );
  if (!claim) throw new Error(`${root} has no published claim to edit`);
  return { id: claim.id, file: join(root, claim.file) };
}

async function measure(
  label: string,
  root: string,
  port: number,
  rounds: number,
): Promise<LoopTimes> {
  const env = {
    ...process.env,
    PATH: `${join(REPO_ROOT, "node_modules/.bin")}:${process.env["PATH"] ?? ""}`,
    ASTRO_TELEMETRY_DISABLED: "1",
    BASE_REF: "HEAD",
  };
  const check = await runMeasured(process.execPath, [join(root, "scripts/check-content.ts")], {
    cwd: root,
    env,
  });
  if (check.exitCode !== 0)
    throw new Error(`check:content failed in ${root}:\n${check.outputTail}`);

  const claim = editedClaim(root);
  const page = `http://localhost:${port}/claims/${claim.id}/`;
  const server = spawn(
    process.execPath,
    [join(root, "node_modules/.bin/astro"), "dev", "--port", String(port), "--strictPort"],
    { cwd: root, env, stdio: "ignore", detached: true },
  );
  try {
    const devStartSeconds = await waitFor(page, () => true);
    const saveToPageSeconds: number[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      const marker = `Edit number ${round} for the editing benchmark.`;
      appendFileSync(claim.file, `\n${marker}\n`);
      saveToPageSeconds.push(await waitFor(page, (body) => body.includes(marker)));
    }
    return {
      label,
      checkSeconds: check.seconds,
      checkCpuSeconds: check.cpuSeconds,
      devStartSeconds,
      saveToPageSeconds,
    };
  } finally {
    // The dev server and what it started share its process group. Waiting
    // for it to end keeps its CPU time out of the next case's check.
    if (server.pid !== undefined && server.exitCode === null && server.signalCode === null) {
      const ended = once(server, "exit");
      process.kill(-server.pid, "SIGTERM");
      await ended;
    }
  }
}

/** Commits the synthetic content in the copy, as if it were already on the base branch. */
function commitSyntheticContent(root: string): void {
  if (!existsSync(join(root, ".git"))) return;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore" });
  git("add", "content");
  git(
    "-c",
    "user.name=Editing benchmark",
    "-c",
    "user.email=bench@example.org",
    "commit",
    "--quiet",
    "--no-verify",
    "--message",
    "Synthetic claims for the editing benchmark",
  );
}

async function main(): Promise<void> {
  const { claims, port, rounds } = parseOptions();
  const results: LoopTimes[] = [];
  for (const count of [0, claims]) {
    const root = makeTempDir("bench-editing");
    try {
      copyProject(REPO_ROOT, root);
      linkNodeModules(REPO_ROOT, root);
      if (count > 0) {
        const files = generateSyntheticContent({
          claims: count,
          firstOrder: firstSyntheticOrder(root),
        });
        writeFiles(root, files);
        commitSyntheticContent(root);
      }
      const label = count > 0 ? `this site + ${count} claims` : "this site";
      console.log(`Measuring ${label} in ${root} ...`);
      results.push(await measure(label, root, port, rounds));
    } finally {
      removeDir(root);
    }
  }
  const median = (values: readonly number[]): number =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  console.log("");
  printTable(
    [
      "Content",
      "check:content (s)",
      "its CPU (s)",
      "dev start (s)",
      "save → page, median (s)",
      "each (s)",
    ],
    results.map((result) => [
      result.label,
      result.checkSeconds.toFixed(2),
      result.checkCpuSeconds.toFixed(2),
      result.devStartSeconds.toFixed(1),
      median(result.saveToPageSeconds).toFixed(2),
      result.saveToPageSeconds.map((seconds) => seconds.toFixed(2)).join(", "),
    ]),
  );
}

main().catch((error: unknown) => {
  console.error(`\nbench:editing: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
