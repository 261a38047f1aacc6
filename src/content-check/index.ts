/**
 * The content check: every rule an edit to content/ must pass, run before
 * Astro builds (see src/integrations/content-check/) and by the unit tests.
 */
import { checkCardText } from "./card-text.ts";
import { isPublishedCheck } from "./corrections.ts";
import { loadContent, type ContentFile } from "./load.ts";
import { PLACEHOLDER_PROBLEM, checkIntegrity } from "./integrity.ts";
import type { Problem } from "./problem.ts";
import { validateFile } from "./validate.ts";

export { formatProblem, formatReport, type Problem } from "./problem.ts";
export type { ContentFile };

/** Every problem in `<projectRoot>/content`, in file order; empty when all is well. */
export function checkContent(projectRoot: string): Problem[] {
  return inspectContent(projectRoot).problems;
}

/** The check's problems, and the files it read (for a build that goes on when they pass). */
export function inspectContent(projectRoot: string): {
  problems: Problem[];
  files: ContentFile[];
} {
  const { files, problems, unreadable } = loadContent(projectRoot);
  const schemaProblems = files.flatMap(validateFile);
  // Said only when every claim file could be read: otherwise it would repeat that problem.
  const unreadClaim = problems.some((problem) => problem.file.startsWith("content/claims/"));
  const published = files.some(
    (file) => file.collection === "claims" && isPublishedCheck(file.data),
  );
  if (!published && !unreadClaim) {
    problems.push({
      file: "content/claims/",
      message:
        "holds no published claim, so the site would have nothing to show; set draft: false on a finished claim (a withdrawn check does not count: it shows only why it was withdrawn)",
    });
  }
  const all = [
    ...problems,
    ...schemaProblems,
    ...checkIntegrity(files, unreadable),
    ...checkCardText(files),
  ];
  // A placeholder in a field the schema or a reference check already named
  // (a rating, an id, a date) is reported there, with what to write instead.
  const named = new Set(
    all.filter((p) => !p.message.startsWith(PLACEHOLDER_PROBLEM)).map((p) => `${p.file}:${p.line}`),
  );
  const sorted = all
    .filter((p) => !p.message.startsWith(PLACEHOLDER_PROBLEM) || !named.has(`${p.file}:${p.line}`))
    .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { problems: firstOfEachFile(sorted), files };
}

/** The most problems reported for one file; the rest are counted. */
const MOST_PER_FILE = 50;

/**
 * At most MOST_PER_FILE problems a file, then one line that counts the rest:
 * a file built to fail thousands of times once wrote 419 MB to the log.
 */
function firstOfEachFile(problems: readonly Problem[]): Problem[] {
  const counts = new Map<string, number>();
  for (const { file } of problems) counts.set(file, (counts.get(file) ?? 0) + 1);
  const shown = new Map<string, number>();
  return problems.flatMap((problem) => {
    const count = (shown.get(problem.file) ?? 0) + 1;
    shown.set(problem.file, count);
    if (count <= MOST_PER_FILE) return [problem];
    if (count > MOST_PER_FILE + 1) return [];
    const rest = (counts.get(problem.file) ?? 0) - MOST_PER_FILE;
    return [
      {
        file: problem.file,
        message: `and ${rest} more problems; fix the ones above first, then run the check again`,
      },
    ];
  });
}
