import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { DIST, listFiles } from "./site";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every word-like token in a set of files, as Tailwind's scanner would see candidates. */
function tokens(files: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const file of files) {
    for (const [token] of readFileSync(file, "utf8").matchAll(/[a-z][a-z0-9-]*[a-z0-9]/g)) {
      found.add(token);
    }
  }
  return found;
}

describe("the stylesheet", () => {
  // Content comes from pull requests: a word in it must never become a
  // utility class ("fixed inset-0" over the page), so Tailwind reads src/ only.
  test("holds no class that only content/ could have asked for", () => {
    const fromSource = tokens(filesUnder(join(ROOT, "src")));
    const fromContentOnly = [...tokens(filesUnder(join(ROOT, "content")))].filter(
      (token) => !fromSource.has(token),
    );
    const css = listFiles(DIST)
      .filter((file) => file.endsWith(".css"))
      .map((file) => readFileSync(join(DIST, file), "utf8"))
      .join("\n");
    const selectors = new Set(
      [...css.matchAll(/\.([a-z][a-z0-9-]*)(?=[\s,{:.[>~+)])/g)].map((match) => match[1]),
    );
    expect(fromContentOnly.filter((token) => selectors.has(token))).toEqual([]);
  });
});
