/**
 * The benchmark's verdict lines: one machine-readable ratio line per case,
 * and where a build's time went, by phase.
 */
import type { RouteGroup, TimedStep } from "./build-log.ts";

export type BenchCase = "cold" | "warm";

export const megabytes = (bytes: number): string => (bytes / 1024 ** 2).toFixed(0);

/**
 * `ratio cold: time 1.84x, peak 1490 MB`: the full build's time over the bare
 * build's, and the full build's peak memory (whole process tree). CI and the
 * README read these lines, so their format is fixed (tests/unit/bench.test.ts).
 */
export function ratioLine(
  benchCase: BenchCase,
  fullSeconds: number,
  bareSeconds: number,
  fullPeakBytes: number,
): string {
  const ratio = (fullSeconds / bareSeconds).toFixed(2);
  return `ratio ${benchCase}: time ${ratio}x, peak ${megabytes(fullPeakBytes)} MB`;
}

/**
 * `Astro alone: time 1.59x (the site's own steps add 0.20x warm)`: the same
 * pages built by Astro and its own integrations only, over the bare build's
 * time. It is the floor no work on the site's own steps can go below; what
 * the warm build takes above it is those steps.
 */
export function astroAloneLine(
  astroAloneSeconds: number,
  bareSeconds: number,
  warmSeconds: number,
): string {
  const ratio = astroAloneSeconds / bareSeconds;
  const added = (warmSeconds - astroAloneSeconds) / bareSeconds;
  return `Astro alone: time ${ratio.toFixed(2)}x (the site's own steps add ${added.toFixed(2)}x warm)`;
}

/** What one build reported about itself (scripts/lib/build-log.ts). */
export interface BuildPhases {
  readonly seconds: number;
  readonly routes: readonly RouteGroup[];
  readonly steps: Partial<Record<TimedStep, number>>;
}

const filesOf = (count: number): string => `${count} ${count === 1 ? "file" : "files"}`;

/**
 * Where the time went: the content check, page rendering by route, the
 * cards, the search index, and the rest (start-up, content sync, bundling,
 * the other build hooks). Cards are drawn in worker threads beside Astro;
 * their time is what the finishing step (scripts/finish-build.ts) spent
 * drawing the rest and writing them out after Astro exited.
 */
export function phaseBreakdown({ seconds, routes, steps }: BuildPhases): string {
  const format = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const rendering = routes.reduce((sum, group) => sum + group.milliseconds, 0);
  const check = steps.contentCheck ?? 0;
  const cards = steps.socialCards ?? 0;
  const search = steps.searchIndex ?? 0;
  const other = Math.max(0, seconds * 1000 - check - rendering - cards - search);
  const byRoute = routes
    .map((group) => `${group.route} ${format(group.milliseconds)} (${filesOf(group.files)})`)
    .join(", ");
  return [
    `content check ${steps.contentCheck === undefined ? "not reported" : format(check)}`,
    `page rendering ${format(rendering)} (${byRoute})`,
    `cards ${steps.socialCards === undefined ? "none" : format(cards)}`,
    `search index ${steps.searchIndex === undefined ? "not reported" : format(search)}`,
    `other ${format(other)} (start-up, content sync, bundling, other hooks)`,
  ].join("; ");
}
