/**
 * Runs a command and measures its wall-clock time and the peak memory of its
 * whole process tree.
 *
 * Why poll /proc rather than use `/usr/bin/time -v`: GNU time reports the
 * child's `ru_maxrss`, which is the peak of the single largest process, not of
 * the tree. An Astro build is several processes at once (Node, Vite's esbuild
 * service, Pagefind's indexer, git), so the figure that matters for a CI runner
 * is their combined resident memory. Polling every `intervalMs` can miss a
 * spike shorter than the interval, so each process's kernel-kept high-water
 * mark (VmHWM, exact) is tracked too and the larger figure is reported.
 *
 * Two corrections keep the sum honest:
 * - A process that has forked but not yet exec'd (Node spawning `git`, say)
 *   shows the parent's whole RSS, though it shares those pages copy-on-write.
 *   Such a child has the same command line as its parent and is left out.
 * - Summed RSS still counts shared library pages once per process. PSS
 *   (/proc/<pid>/smaps_rollup) would not, but reading it takes ~17 ms for a
 *   1 GB process, too slow to poll without disturbing the build. The sum errs
 *   high by a few MB, which is the safe side for a memory budget.
 *
 * Linux only.
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { basename } from "node:path";

export interface ProcessPeak {
  readonly pid: number;
  /** The program and its first argument, e.g. "node astro" or "pagefind_extended". */
  readonly label: string;
  readonly hwmBytes: number;
}

export interface MeasuredRun {
  /** The exit code, or null when a signal ended the process. */
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly seconds: number;
  /**
   * CPU time (user and system) of the whole tree, in seconds: unlike wall
   * time, it hardly changes when other work shares the machine.
   */
  readonly cpuSeconds: number;
  /** Largest sampled sum of VmRSS over the process and its descendants. */
  readonly peakTreeRssBytes: number;
  /** Largest VmHWM of any one process in the tree. */
  readonly peakSingleHwmBytes: number;
  /** max(peakTreeRssBytes, peakSingleHwmBytes): the figure to report. */
  readonly peakBytes: number;
  /** Peak VmHWM of every process seen in the tree, largest first. */
  readonly processes: readonly ProcessPeak[];
  readonly samples: number;
  /** The last lines of combined stdout and stderr, for error messages. */
  readonly outputTail: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly intervalMs?: number;
  /** Lines of output kept for `outputTail`. */
  readonly tailLines?: number;
  /** Called with each chunk of output, e.g. to stream it with a prefix. */
  readonly onOutput?: (chunk: string) => void;
  /** Aborting it kills the command (SIGTERM). */
  readonly signal?: AbortSignal;
}

/** Reads a /proc file, or undefined when the process has ended meanwhile. */
function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The parent pid of every live process, from /proc/<pid>/stat. */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = readProc(`/proc/${pid}/stat`);
    if (stat === undefined) continue;
    // The command name (field 2) may hold spaces and parentheses, so fields are
    // counted from the last ")": state, then the parent pid.
    parents.set(pid, Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
  }
  return parents;
}

/** The root and every live descendant, each with its parent pid. */
export function processTree(rootPid: number): { pid: number; ppid: number }[] {
  const parents = parentPids();
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree: { pid: number; ppid: number }[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    tree.push({ pid, ppid: parents.get(pid) ?? 0 });
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** VmRSS and VmHWM of one process in bytes; undefined once it has ended. */
export function processMemory(pid: number): { rss: number; hwm: number } | undefined {
  const status = readProc(`/proc/${pid}/status`);
  if (status === undefined) return undefined;
  const kib = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  };
  return { rss: kib("VmRSS"), hwm: kib("VmHWM") };
}

/** Clock ticks per second, the unit of CPU times in /proc (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

/**
 * CPU seconds used by this process's children that have ended and been
 * waited for, and by their own such descendants (/proc/self/stat cutime and
 * cstime), so the difference across one command is that command's tree.
 */
function childrenCpuSeconds(): number {
  const stat = readProc("/proc/self/stat") ?? "";
  // Fields after the command name: state is field 3, cutime 16, cstime 17.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13] ?? 0) + Number(fields[14] ?? 0)) / CLOCK_TICKS;
}

/** The raw command line; it changes when a forked child execs its program. */
const commandLine = (pid: number): string => readProc(`/proc/${pid}/cmdline`) ?? "";

/**
 * A readable name from a command line: the program and its first argument
 * that is not a flag.
 * The kernel's own name is useless here: Node renames its main thread.
 */
export function labelOf(cmdline: string): string {
  return (
    cmdline
      .split("\0")
      .filter(Boolean)
      // Node's own flags (--heap-growing-percent=20) say less than the script it runs.
      .filter((arg, index) => index === 0 || !arg.startsWith("--"))
      .slice(0, 2)
      .map((arg) => basename(arg))
      .join(" ")
  );
}

/** Runs `command args` in `cwd`, sampling its process tree until it exits. */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<MeasuredRun> {
  const intervalMs = options.intervalMs ?? 100;
  const tailLines = options.tailLines ?? 60;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = childrenCpuSeconds();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    let tail: string[] = [];
    const collect = (chunk: Buffer): void => {
      const text = chunk.toString("utf8");
      options.onOutput?.(text);
      tail = [...tail, ...text.split("\n")].slice(-tailLines);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);

    let peakTree = 0;
    let samples = 0;
    // Keyed by pid and command line: a forked child that execs is a new program.
    const peaks = new Map<string, ProcessPeak>();
    const sample = (): void => {
      if (child.pid === undefined) return;
      const tree = processTree(child.pid);
      const cmdlines = new Map(tree.map(({ pid }) => [pid, commandLine(pid)]));
      let sum = 0;
      for (const { pid, ppid } of tree) {
        const cmdline = cmdlines.get(pid) ?? "";
        // A fork not yet exec'd shares its parent's pages (see the top comment).
        if (pid !== child.pid && cmdline === cmdlines.get(ppid)) continue;
        const memory = processMemory(pid);
        if (!memory) continue;
        sum += memory.rss;
        const key = `${pid} ${cmdline}`;
        if (memory.hwm > (peaks.get(key)?.hwmBytes ?? -1)) {
          peaks.set(key, { pid, label: labelOf(cmdline) || String(pid), hwmBytes: memory.hwm });
        }
      }
      peakTree = Math.max(peakTree, sum);
      samples += 1;
    };
    sample();
    const timer = setInterval(sample, intervalMs);

    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("close", (exitCode, signal) => {
      clearInterval(timer);
      const processes = [...peaks.values()].sort((a, b) => b.hwmBytes - a.hwmBytes);
      const peakSingle = processes[0]?.hwmBytes ?? 0;
      resolve({
        exitCode,
        signal,
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: childrenCpuSeconds() - cpuBefore,
        peakTreeRssBytes: peakTree,
        peakSingleHwmBytes: peakSingle,
        peakBytes: Math.max(peakTree, peakSingle),
        processes,
        samples,
        outputTail: tail.join("\n"),
      });
    });
  });
}
