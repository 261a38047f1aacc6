/**
 * Writes a new content file from a template that explains every field and
 * leaves every choice as a placeholder the content check names:
 *   npm run new:claim -- <id>       content/claims/<id>.mdx (a draft)
 *   npm run new:source -- <id>      content/sources/<id>.yaml
 *   npm run new:claimant -- <id>    content/claimants/<id>.yaml
 *   npm run new:event -- <id>       content/timeline/<id>.yaml (name it YYYY-MM-DD-what-happened)
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  claimTemplate,
  claimantTemplate,
  sourceTemplate,
  timelineEventTemplate,
  validateNewId,
} from "./lib/scaffold.ts";
import * as prettier from "prettier";
import { frontmatterOf } from "../src/content-check/corrections.ts";

const root = process.cwd();
const today = new Date().toISOString().slice(0, 10);
const ids = (folder: string) =>
  existsSync(join(root, "content", folder))
    ? readdirSync(join(root, "content", folder)).map((name) => name.replace(/\.[^.]+$/, ""))
    : [];

/** The highest `appearance.order` among existing claims, shown in the claim template. */
function lastOrder(): number {
  const orders = ids("claims").map((claim) => {
    const data = frontmatterOf(
      readFileSync(join(root, "content", "claims", `${claim}.mdx`), "utf8"),
    );
    return Number((data?.["appearance"] as { order?: number } | undefined)?.order ?? 0);
  });
  return Math.max(0, ...orders);
}

const KINDS = {
  claim: {
    folder: "claims",
    extension: ".mdx",
    template: () =>
      claimTemplate({ today, claimant: ids("claimants")[0] ?? "engadget", lastOrder: lastOrder() }),
  },
  source: { folder: "sources", extension: ".yaml", template: () => sourceTemplate(today) },
  claimant: { folder: "claimants", extension: ".yaml", template: () => claimantTemplate() },
  event: { folder: "timeline", extension: ".yaml", template: () => timelineEventTemplate(today) },
} as const;

const [kind = "", id] = process.argv.slice(2);
if (!Object.hasOwn(KINDS, kind)) {
  console.error(
    `Usage: npm run new:${Object.keys(KINDS).join(" | new:")} -- <id>   e.g. npm run new:claim -- army-memo-date`,
  );
  process.exit(2);
}
const { folder, extension, template } = KINDS[kind as keyof typeof KINDS];
const problem = validateNewId(id, ids(folder));
if (problem || !id) {
  console.error(`Nothing was written: ${problem}.`);
  process.exit(1);
}
const file = join("content", folder, `${id}${extension}`);
// YAML is written in the house format, so the new file passes the format
// check; MDX prose is left as written (see .prettierignore).
const options = { ...(await prettier.resolveConfig(join(root, file))), filepath: file };
writeFileSync(file, extension === ".mdx" ? template() : await prettier.format(template(), options));
console.log(
  `Wrote ${file}. Replace every REPLACE: value; npm run check:content names each one left, and CONTRIBUTING.md explains each step.`,
);
