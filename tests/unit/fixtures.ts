/**
 * Content fixtures: `tests/fixtures/content/valid` is a small, correct site;
 * every other folder there holds only the files that differ from it. A test
 * gets a temporary project root with the variant laid over the valid tree;
 * a variant's remove.txt lists files (one per line) to delete from it.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES = fileURLToPath(new URL("../fixtures/content/", import.meta.url));

/** Every variant folder except the valid base. */
export const VARIANTS = readdirSync(FIXTURES)
  .filter((name) => name !== "valid")
  .sort();

export function fixtureRoot(variant: string): string {
  const root = mkdtempSync(join(tmpdir(), `content-${variant}-`));
  cpSync(join(FIXTURES, "valid"), root, { recursive: true });
  if (variant !== "valid") cpSync(join(FIXTURES, variant), root, { recursive: true });
  const removals = join(root, "remove.txt");
  if (existsSync(removals)) {
    for (const file of readFileSync(removals, "utf8").split("\n").filter(Boolean)) {
      rmSync(join(root, file));
    }
  }
  return root;
}
