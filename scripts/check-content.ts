/**
 * The content check on its own, without a build: every rule an edit to
 * content/ must pass, worded as `file:line: field: what is wrong; fix`.
 *
 *   npm run check:content
 *
 * Exit codes: 0 no problems, 1 problems found.
 */
import { fileURLToPath } from "node:url";
import { checkContent, formatReport } from "../src/content-check/index.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const problems = checkContent(root);
console.log(formatReport(problems));
process.exitCode = problems.length === 0 ? 0 : 1;
