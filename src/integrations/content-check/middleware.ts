/**
 * Dev server only: while content/ fails the content check, every page is
 * replaced by the check's problems, one per item, each with the lines of the
 * file around it, in plain text. It loads Vite's client, so the page reloads
 * by itself when the editor saves a fix.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defineMiddleware } from "astro/middleware";
import { escape } from "html-escaper";
import { formatProblem, type Problem } from "../../content-check/index.ts";
import { getDevCheckState } from "./dev-state.ts";

export const onRequest = defineMiddleware((_context, next) => {
  const state = getDevCheckState();
  if (!state || state.problems.length === 0) return next();
  return new Response(problemsPage(state.problems, state.root), {
    status: 500,
    headers: { "content-type": "text/html; charset=utf-8" },
  });
});

/** The lines around a problem's line, numbered, with that line marked. */
function excerpt(root: string, { file, line }: Problem): string {
  if (line === undefined) return "";
  let lines: string[];
  try {
    lines = readFileSync(join(root, file), "utf8").split("\n");
  } catch {
    return "";
  }
  const first = Math.max(1, line - 2);
  const shown = lines.slice(first - 1, line + 1).map((text, index) => {
    const number = first + index;
    return `${number === line ? "›" : " "} ${String(number).padStart(4)} | ${text}`;
  });
  return `<pre>${escape(shown.join("\n"))}</pre>`;
}

function problemsPage(problems: readonly Problem[], root: string): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  const items = problems
    .map((problem) => `<li><p>${escape(formatProblem(problem))}</p>${excerpt(root, problem)}</li>`)
    .join("\n");
  const client = `${import.meta.env.BASE_URL.replace(/\/?$/, "/")}@vite/client`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The content check found ${count}</title>
<script type="module" src="${escape(client)}"></script>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #18181b; background: #fff; }
  h1 { font-size: 1.5rem; color: #b91c1c; }
  li { margin-block: 1.25rem; }
  li p { margin: 0 0 .5rem; overflow-wrap: anywhere; }
  pre { margin: 0; padding: .75rem; overflow-x: auto; background: #f4f4f5; border-radius: .25rem; font-size: .875rem; }
  @media (prefers-color-scheme: dark) { body { color: #f4f4f5; background: #18181b; } h1 { color: #fca5a5; } pre { background: #27272a; } }
</style>
</head>
<body>
<main>
<h1>The content check found ${count}</h1>
<p>Fix each one in your editor and save: this page reloads by itself. <code>npm run check:content</code> prints the same list.</p>
<ol>
${items}
</ol>
</main>
</body>
</html>
`;
}
