/**
 * Dev server only: while content/ fails the content check, every page shows
 * the check's problems in Astro's error overlay (file:line: field: what is
 * wrong; fix), with the first problem's line framed, instead of a stale page
 * or a stack trace into a component.
 */
import { join } from "node:path";
import { defineMiddleware } from "astro/middleware";
import { AstroError } from "astro/errors";
import { formatProblem } from "../../content-check/index.ts";
import { getDevCheckState } from "./dev-state.ts";

export const onRequest = defineMiddleware((_context, next) => {
  const state = getDevCheckState();
  const [first] = state?.problems ?? [];
  if (!state || !first) return next();
  const count = state.problems.length === 1 ? "1 problem" : `${state.problems.length} problems`;
  const list = state.problems.map(formatProblem).join("\n");
  const error = new AstroError(
    list,
    "Fix each line above in your editor and save: this page reloads by itself. `npm run check:content` prints the same list.",
  );
  throw Object.assign(error, {
    name: "ContentCheckError",
    title: `The content check found ${count}`,
    // The list is the whole story: a stack trace would point into this file.
    stack: list,
    loc:
      first.line === undefined
        ? undefined
        : { file: join(state.root, first.file), line: first.line, column: 1 },
  });
});
