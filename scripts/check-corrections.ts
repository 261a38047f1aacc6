/**
 * Fails when a claim's ratings, bottom line, answer or what is rated changed against the base branch
 * without a new corrections entry. The base is the pull request's target in
 * GitHub Actions, else the remote's default branch (see scripts/lib/changes.ts);
 * the output says which it compared with.
 */
import { formatReport } from "../src/content-check/index.ts";
import { findBase } from "./lib/changes.ts";
import { checkCorrections } from "./lib/corrections-check.ts";

// Run from the checkout to check (npm runs scripts from the project root).
const root = process.cwd();
const base = findBase(root);
if ("error" in base) {
  console.error(`The corrections check could not run: ${base.error}.`);
  process.exit(1);
}
const today = new Date().toISOString().slice(0, 10);
const { problems, changedClaims } = checkCorrections(root, base, today);
if (problems.length > 0) {
  console.error(`Corrections check, ${base.description}.`);
  console.error(formatReport(problems));
  process.exit(1);
}
console.log(
  `Corrections check, ${base.description}: ${changedClaims} changed claim file(s); every change to a rating, the bottom line, the answer or what is rated has a corrections entry.`,
);
