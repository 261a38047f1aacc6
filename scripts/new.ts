/**
 * Writes a new content file from a template that explains every field:
 *   npm run new:claim -- <id>     content/claims/<id>.mdx (a draft)
 *   npm run new:source -- <id>    content/sources/<id>.yaml
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { claimTemplate, sourceTemplate, validateNewId } from "./lib/scaffold.ts";
import { frontmatterOf } from "../src/content-check/corrections.ts";
import { readFileSync } from "node:fs";

const [kind, id] = process.argv.slice(2);
const root = process.cwd();
const ids = (folder: string) =>
  existsSync(join(root, "content", folder))
    ? readdirSync(join(root, "content", folder)).map((name) => name.replace(/\.[^.]+$/, ""))
    : [];

if (kind !== "claim" && kind !== "source") {
  console.error("Usage: npm run new:claim -- <id>   or   npm run new:source -- <id>");
  process.exit(2);
}
const folder = kind === "claim" ? "claims" : "sources";
const problem = validateNewId(id, ids(folder));
if (problem || !id) {
  console.error(`Nothing was written: ${problem}.`);
  process.exit(1);
}

const today = new Date().toISOString().slice(0, 10);
const file = join("content", folder, `${id}.${kind === "claim" ? "mdx" : "yaml"}`);
if (kind === "claim") {
  const [claimant] = ids("claimants");
  const orders = ids("claims").map((claim) => {
    const data = frontmatterOf(
      readFileSync(join(root, "content", "claims", `${claim}.mdx`), "utf8"),
    );
    return Number((data?.["appearance"] as { order?: number } | undefined)?.order ?? 0);
  });
  writeFileSync(
    file,
    claimTemplate({ today, claimant: claimant ?? "engadget", lastOrder: Math.max(0, ...orders) }),
  );
} else {
  writeFileSync(file, sourceTemplate(today));
}
console.log(`Wrote ${file}. Replace every REPLACE: value; CONTRIBUTING.md explains each step.`);
