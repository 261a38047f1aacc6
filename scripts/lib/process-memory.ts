/**
 * Runs a command and measures its wall-clock time and the peak memory of its
 * whole process tree.
 *
 * Why poll /proc rather than use `/usr/bin/time -v`: GNU time reports the
 * child's `ru_maxrss`, which is the peak of the single largest process, not of
 * the tree. An Astro build is several processes at once (Node, Vite's esbuild
 * service, Pagefind's indexer), so the figure that matters for a CI runner is
 * their combined resident memory. Polling every `intervalMs` can miss a spike
 * shorter than the interval, so each process's kernel-kept high-water mark
 * (VmHWM, exact) is tracked too and the larger of the two figures is reported.
 * Summed RSS counts shared library pages once per process: it errs high, which
 * is the safe side for a memory budget. Linux only.
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { basename } from "node:path";

export interface MeasuredRun {
  /** The exit code, or null when a signal ended the process. */
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly seconds: number;
  /** Largest sampled sum of VmRSS over the process and all its descendants. */
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

export interface ProcessPeak {
  readonly pid: number;
  /** The program and its first argument, e.g. "node astro" or "pagefind_extended". */
  readonly label: string;
  readonly hwmBytes: number;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly intervalMs?: number;
  /** Lines of output kept for `outputTail`. */
  readonly tailLines?: number;
  /** Called with each chunk of output, e.g. to stream it with a prefix. */
  readonly onOutput?: (chunk: string) => void;
}

/** Parent pid of every live process, from /proc/<pid>/stat. */
function parentsByPid(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // the process ended between the listing and the read
    }
    // The command name (field 2) may hold spaces and parentheses, so fields are
    // counted from the last ")": state, then the parent pid.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const siblings = children.get(ppid) ?? [];
    siblings.push(pid);
    children.set(ppid, siblings);
  }
  return children;
}

/** The pid and every descendant of it that is alive now. */
export function processTree(rootPid: number): number[] {
  const children = parentsByPid();
  const tree: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** VmRSS and VmHWM of one process in bytes; undefined once it has ended. */
export function processMemory(pid: number): { rss: number; hwm: number } | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined;
  }
  const kib = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  };
  return { rss: kib("VmRSS"), hwm: kib("VmHWM") };
}

/**
 * A readable name for a process: its program and first argument. The kernel's
 * own name is useless here: Node renames its main thread "MainThread".
 */
export function processLabel(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    return args
      .slice(0, 2)
      .map((arg) => basename(arg))
      .join(" ");
  } catch {
    return String(pid);
  }
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
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
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
    let peakSingle = 0;
    const peaks = new Map<number, ProcessPeak>();
    let samples = 0;
    const sample = (): void => {
      if (child.pid === undefined) return;
      let sum = 0;
      for (const pid of processTree(child.pid)) {
        const memory = processMemory(pid);
        if (!memory) continue;
        sum += memory.rss;
        peakSingle = Math.max(peakSingle, memory.hwm);
        const known = peaks.get(pid);
        if (!known || memory.hwm > known.hwmBytes) {
          peaks.set(pid, { pid, label: known?.label ?? processLabel(pid), hwmBytes: memory.hwm });
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
      resolve({
        exitCode,
        signal,
        seconds: (performance.now() - started) / 1000,
        peakTreeRssBytes: peakTree,
        peakSingleHwmBytes: peakSingle,
        peakBytes: Math.max(peakTree, peakSingle),
        processes: [...peaks.values()].sort((a, b) => b.hwmBytes - a.hwmBytes),
        samples,
        outputTail: tail.join("\n"),
      });
    });
  });
}
