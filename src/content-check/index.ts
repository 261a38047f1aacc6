/**
 * The content check: every rule an edit to content/ must pass, run before
 * Astro builds (see src/integrations/content-check/) and by the unit tests.
 */
import { checkCardText } from "./card-text.ts";
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
    (file) => file.collection === "claims" && (file.data as { draft?: unknown })?.draft !== true,
  );
  if (!published && !unreadClaim) {
    problems.push({
      file: "content/claims/",
      message:
        "holds no published claim, so the site would have nothing to show; set draft: false on a finished claim",
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
  return {
    problems: all
      .filter(
        (p) => !p.message.startsWith(PLACEHOLDER_PROBLEM) || !named.has(`${p.file}:${p.line}`),
      )
      .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0)),
    files,
  };
}
