/**
 * "Ready for a pull request?" in a few seconds, without a build: every rule
 * an edit to content/ must pass, the corrections rule against the base
 * branch, and the house formatting of the YAML files the editor changed
 * (MDX prose is left as written: see .prettierignore), each
 * problem worded as `file:line: field: what is wrong; fix`.
 *
 *   npm run check:content            check
 *   npm run check:content -- --fix   also format the changed files, then check
 *
 * Exit codes: 0 ready, 1 problems found.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { checkContent, formatReport, type Problem } from "../src/content-check/index.ts";
import { changedFiles, findBase, textNow } from "./lib/changes.ts";
import { checkCorrections } from "./lib/corrections-check.ts";

const root = process.cwd();
const fix = process.argv.includes("--fix");
const started = performance.now();

const problems: Problem[] = [];
const corrections: Problem[] = [];
const notes: string[] = [];

const base = findBase(root);
if ("error" in base) {
  notes.push(`Corrections and formatting were not checked: ${base.error}.`);
} else {
  const changed = changedFiles(root, base, "content")
    .flatMap((change) => (change.after ? [change.after] : []))
    .filter((path) => /\.(mdx|ya?ml)$/.test(path));
  const unformatted: string[] = [];
  for (const path of changed) {
    // Files .prettierignore leaves alone (content MDX) are as the editor wrote them.
    const info = await prettier.getFileInfo(join(root, path), {
      ignorePath: join(root, ".prettierignore"),
      resolveConfig: false,
    });
    if (info.ignored) continue;
    // Only a plain file within the size limit is read, and so written: the
    // formatter must not follow a symbolic link out of the repository, nor
    // read /dev/zero or a 9 MB file into memory. The content check below
    // reports each of those.
    const text = textNow(root, path);
    if (text === undefined) continue;
    // The project's own settings, named: left to search, Prettier would also
    // load (and run) a settings file a pull request put beside the content.
    const settings = await prettier.resolveConfig(join(root, path), {
      config: join(root, ".prettierrc.json"),
      editorconfig: false,
    });
    const options = { ...settings, filepath: path };
    // A file that does not parse is reported by the content check below.
    const formatted = await prettier.format(text, options).catch(() => text);
    if (formatted === text) continue;
    if (fix) writeFileSync(join(root, path), formatted);
    else unformatted.push(path);
  }
  for (const file of unformatted) {
    problems.push({
      file,
      message: `is not in the house format (line wrapping, quotes, spacing); run npm run check:content -- --fix to format the files you changed`,
    });
  }
  const today = new Date().toISOString().slice(0, 10);
  corrections.push(...checkCorrections(root, base, today).problems);
  const formattedNote = fix ? "formatted" : "format checked";
  notes.push(
    `Changes ${base.description}: ${changed.length} content file(s) changed and ${formattedNote}.`,
  );
}

const contentProblems = checkContent(root);
// A file the content check refuses (a misspelt rating, say) is not also
// told to record its "change" in the corrections log.
const refused = new Set(contentProblems.map((problem) => problem.file));
problems.unshift(...contentProblems);
problems.push(...corrections.filter((problem) => !refused.has(problem.file) && !problem.cause));
// A claim moved or deleted breaks every name of it: said first, so the editor
// restores it rather than "fixing" the names.
problems.unshift(...corrections.filter((problem) => problem.cause));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(notes.join("\n"));
console.log(
  problems.length === 0
    ? `Ready for a pull request: the content check, the corrections rule and the formatting all pass (${seconds} s).`
    : formatReport(problems),
);
process.exitCode = problems.length === 0 ? 0 : 1;
