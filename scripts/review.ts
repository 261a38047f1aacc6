/**
 * A pull request's changes as readers will see them, in Markdown, for the
 * reviewer: claims added, removed or changed, rating and bottom-line changes,
 * sources and corrections, and a warning for a rating change readers would
 * not be told about. Compared with the base branch as the corrections check
 * finds it, uncommitted edits included.
 *
 *   npm run review                 print it
 *   npm run review -- --out F      also write it to F (CI: the job summary)
 */
import { appendFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { changedFiles, findBase, followMovedClaims, textAtBase, textNow } from "./lib/changes.ts";
import { reviewMarkdown, type ChangedFile } from "./lib/review.ts";

const root = process.cwd();
const { values } = parseArgs({ options: { out: { type: "string" } } });
const base = findBase(root);
if ("error" in base) {
  console.error(`The review could not run: ${base.error}.`);
  process.exit(1);
}
const files: ChangedFile[] = followMovedClaims(root, base, changedFiles(root, base, "content")).map(
  (change) => {
    const path = change.after ?? change.before ?? "";
    return {
      status: change.status,
      path,
      before: change.before ? textAtBase(root, base, change.before) : undefined,
      after: change.after ? textNow(root, change.after) : undefined,
    };
  },
);
const comparedWith = base.description.charAt(0).toUpperCase() + base.description.slice(1);
// GitHub refuses a job summary over 1 MiB; a review that long is cut, and says so.
const LONGEST_SUMMARY = 900_000;
const whole = reviewMarkdown(files, comparedWith);
const markdown =
  whole.length <= LONGEST_SUMMARY
    ? whole
    : `${whole.slice(0, LONGEST_SUMMARY)}\n\n**The review is cut here:** this change is too large to show in full (${files.length} files); review it file by file.\n`;
console.log(markdown);
if (values.out) appendFileSync(values.out, markdown);
