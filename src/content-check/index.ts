/**
 * The content check: every rule an edit to content/ must pass, run before
 * Astro builds (see src/integrations/content-check.ts) and by the unit tests.
 */
import { loadContent } from "./load.ts";
import { checkIntegrity } from "./integrity.ts";
import type { Problem } from "./problem.ts";
import { validateFile } from "./validate.ts";

export { formatProblem, formatReport, type Problem } from "./problem.ts";

/** Every problem in `<projectRoot>/content`, in file order; empty when all is well. */
export function checkContent(projectRoot: string): Problem[] {
  const { files, problems } = loadContent(projectRoot);
  const schemaProblems = files.flatMap(validateFile);
  return [...problems, ...schemaProblems, ...checkIntegrity(files)].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
}
