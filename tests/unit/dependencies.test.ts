import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<
  string,
  Record<string, string> | undefined
>;
const declared = new Set([
  ...Object.keys(manifest["dependencies"] ?? {}),
  ...Object.keys(manifest["devDependencies"] ?? {}),
]);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (["node_modules", "fixtures", "dist", "dist-subpath", ".astro"].includes(name)) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs|js|astro)$/.test(name) ? [path] : [];
  });
}

const files = [
  ...["src", "scripts", "tests"].flatMap((folder) => sourceFiles(join(ROOT, folder))),
  ...[
    "astro.config.mjs",
    "playwright.config.ts",
    "vitest.config.ts",
    "vitest.dist.config.ts",
    "eslint.config.js",
  ].map((name) => join(ROOT, name)),
];

/** The package a bare specifier names: `@scope/name` or `name`. */
const packageOf = (specifier: string) =>
  specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];

describe("the code's dependencies", () => {
  test("every package a file imports is declared in package.json", () => {
    const undeclared: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const [, specifier = ""] of text.matchAll(
        /(?:^|\n)\s*(?:import|export)\s[^"'`;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
      )) {
        if (/^(\.|node:|astro:|@\/|virtual:)/.test(specifier)) continue;
        const name = packageOf(specifier);
        if (name && !declared.has(name)) undeclared.push(`${relative(ROOT, file)}: ${specifier}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  test("no script imports from tests/", () => {
    const fromTests = sourceFiles(join(ROOT, "scripts")).filter((file) =>
      /from\s+["'][^"']*\/tests\//.test(readFileSync(file, "utf8")),
    );
    expect(fromTests.map((file) => relative(ROOT, file))).toEqual([]);
  });

  test("every environment variable the code reads is in CONTRIBUTING's table", () => {
    const table = readFileSync(join(ROOT, "CONTRIBUTING.md"), "utf8");
    const unlisted = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const names = [
        ...text.matchAll(/\b(?:process\.)?env\[["']([A-Z][A-Z0-9_]+)["']\]/g),
        ...text.matchAll(/\bprocess\.env\.([A-Z][A-Z0-9_]+)/g),
        ...[...text.matchAll(/const \{([^}]+)\} = process\.env/g)].flatMap(([, list = ""]) => [
          ...list.matchAll(/([A-Z][A-Z0-9_]+)/g),
        ]),
      ].map((match) => match[1] ?? "");
      for (const name of names) {
        if (!table.includes(`\`${name}\``)) unlisted.add(`${relative(ROOT, file)}: ${name}`);
      }
    }
    expect([...unlisted]).toEqual([]);
  });
});
