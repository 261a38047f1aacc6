/**
 * Reads `astro build` output as it streams and adds up the time Astro reports
 * for each generated file ("├─ /claims/x/index.html (+85ms)", "(+1.20s)"), grouped by route, so a
 * slow build points at the route that makes it slow. It also reads the time
 * the site's own build steps report ("[search-index] indexed 1027 pages for
 * search in 4.20 s").
 */

/** Astro colours its output; the codes would break the line pattern. */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const ROUTE_LINE = /[├└]─ (\/\S*) \(\+([^)]+)\)/;

/** The site's timed build steps, by the integration that logs them (src/integrations/). */
export const TIMED_STEPS = {
  contentCheck: "content-check",
  socialCards: "social-cards",
  searchIndex: "search-index",
} as const;
export type TimedStep = keyof typeof TIMED_STEPS;
const STEP_LINE = /\[([a-z-]+)\] .* in (\d+(?:\.\d+)?) s\s*$/;

export interface RouteGroup {
  /** "/claims/*" for files under a folder, "top-level pages" for the rest. */
  readonly route: string;
  readonly files: number;
  readonly milliseconds: number;
}

/**
 * Milliseconds from Astro's duration format (astro/dist/core/build/util.js,
 * getTimeStat): "85ms" under a second, "1.23s" under a minute, then "2m 5s".
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(?:(\d+)m )?(?:(\d+(?:\.\d+)?)(ms|s))$/.exec(text.trim());
  if (!match) return undefined;
  const minutes = Number(match[1] ?? 0);
  const amount = Number(match[2]);
  return minutes * 60_000 + (match[3] === "ms" ? amount : amount * 1000);
}

/** The group a generated file belongs to: its first folder, unless it is that folder's index. */
export function routeGroup(path: string): string {
  const segments = path.split("/").filter(Boolean);
  const isFolderIndex = segments.length === 2 && segments[1] === "index.html";
  return segments.length >= 2 && !isFolderIndex ? `/${segments[0]}/*` : "top-level pages";
}

export class RouteTimings {
  #pending = "";
  readonly #groups = new Map<string, { files: number; milliseconds: number }>();
  readonly #steps = new Map<TimedStep, number>();

  /** Feeds a chunk of output; chunks may split lines anywhere. */
  add(chunk: string): void {
    const lines = (this.#pending + chunk).split("\n");
    this.#pending = lines.pop() ?? "";
    for (const line of lines) this.#line(line);
  }

  /** Groups, slowest first. */
  groups(): RouteGroup[] {
    if (this.#pending) this.#line(this.#pending);
    this.#pending = "";
    return [...this.#groups]
      .map(([route, totals]) => ({ route, ...totals }))
      .sort((a, b) => b.milliseconds - a.milliseconds);
  }

  /** Milliseconds each timed step reported; a step that did not run is left out. */
  steps(): Partial<Record<TimedStep, number>> {
    this.groups(); // reads a last line that had no line break yet
    return Object.fromEntries(this.#steps);
  }

  #line(line: string): void {
    const plain = line.replace(ANSI, "");
    const step = STEP_LINE.exec(plain);
    const stepName = Object.entries(TIMED_STEPS).find(([, tag]) => tag === step?.[1])?.[0];
    if (step && stepName) {
      this.#steps.set(stepName as TimedStep, Number(step[2]) * 1000);
      return;
    }
    const match = ROUTE_LINE.exec(plain);
    const milliseconds = parseDuration(match?.[2] ?? "");
    if (!match || milliseconds === undefined) return;
    const route = routeGroup(match[1] ?? "");
    const totals = this.#groups.get(route) ?? { files: 0, milliseconds: 0 };
    totals.files += 1;
    totals.milliseconds += milliseconds;
    this.#groups.set(route, totals);
  }
}
