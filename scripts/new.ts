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
import { COLLECTIONS, COLLECTION_NAMES } from "../src/schemas/collections.ts";

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

/** The kinds of file editors create, by the registry's entry name, with their templates. */
const TEMPLATES = {
  claim: () =>
    claimTemplate({ today, claimant: ids("claimants")[0] ?? "engadget", lastOrder: lastOrder() }),
  source: () => sourceTemplate(today),
  claimant: () => claimantTemplate(),
  event: () => timelineEventTemplate(today),
} as const;
const KINDS = Object.fromEntries(
  COLLECTION_NAMES.flatMap((folder) => {
    const { entry, extension } = COLLECTIONS[folder];
    if (!Object.hasOwn(TEMPLATES, entry)) return [];
    const template = TEMPLATES[entry as keyof typeof TEMPLATES];
    return [[entry, { folder, extension, template }]];
  }),
);

const [kind = "", id] = process.argv.slice(2);
const chosen = Object.hasOwn(KINDS, kind) ? KINDS[kind] : undefined;
if (!chosen) {
  console.error(
    `Usage: npm run new:${Object.keys(KINDS).join(" | new:")} -- <id>   e.g. npm run new:claim -- army-memo-date`,
  );
  process.exit(2);
}
const { folder, extension, template } = chosen;
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
