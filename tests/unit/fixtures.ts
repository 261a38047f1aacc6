/**
 * Content fixtures: `tests/fixtures/content/valid` is a small, correct site;
 * every other folder there holds only the files that differ from it. A test
 * gets a temporary project root with the variant laid over the valid tree.
 */
import { cpSync, mkdtempSync, readdirSync } from "node:fs";
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
  return root;
}
