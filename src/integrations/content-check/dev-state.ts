/**
 * The dev server's latest content check, shared between the integration
 * (which re-runs the check whenever a file under content/ changes) and the
 * middleware (which shows its problems in the browser). The two are loaded by
 * different module loaders (Astro's and Vite's) in one process, so the state
 * lives on globalThis under a registered symbol rather than in a module
 * variable each loader would copy.
 */
import type { Problem } from "../../content-check/index.ts";

export interface DevCheckState {
  /** The problems of the last run; empty when content/ passes. */
  problems: readonly Problem[];
  /** The project root the files in `problems` are relative to. */
  root: string;
}

const KEY = Symbol.for("dji-claims-check.content-check.dev");

type Holder = { [KEY]?: DevCheckState };

export function setDevCheckState(state: DevCheckState): void {
  (globalThis as Holder)[KEY] = state;
}

export function getDevCheckState(): DevCheckState | undefined {
  return (globalThis as Holder)[KEY];
}
