/**
 * Throw-away Astro projects for the benchmark: a copy of this site (which can
 * also be built with Astro alone, the site's own steps off) and a bare site,
 * each in its own folder under the system temp directory, sharing the
 * repository's installed packages.
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { satteri } from "@astrojs/markdown-satteri";
import type { AstroUserConfig } from "astro";
import { MDX_COMPONENTS, MDX_FEATURES } from "../../src/content-check/allow-list.ts";

/**
 * Top-level entries never copied when the project is not a git checkout:
 * installed packages, build output, caches and test leftovers. In a checkout,
 * .gitignore decides instead (see copyProject).
 */
const SKIPPED_ENTRIES = new Set([
  ".git",
  ".astro",
  ".cache",
  "node_modules",
  "dist",
  "dist-subpath",
  "playwright-report",
  "test-results",
]);

/**
 * Entries of node_modules kept out of the linked copy. Astro (data store) and
 * Vite (dependency cache) write their caches into node_modules/.astro and
 * node_modules/.vite; through a plain symlink of node_modules, a benchmark
 * build would overwrite the repository's own cache with synthetic content.
 */
const PRIVATE_CACHES = new Set([".astro", ".vite"]);

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * The project's files as git sees them: tracked and untracked, with the
 * working tree's edits, minus everything .gitignore names (packages, build
 * output, caches such as the drawn social cards). Undefined outside a checkout.
 */
function workingTreeFiles(repoRoot: string): string[] | undefined {
  try {
    const listing = execFileSync(
      "git",
      ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
      { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
    // --cached still lists files deleted from the working tree but not yet
    // staged; a node_modules that is a link (not a folder) is not ignored by
    // a "node_modules/" rule, and is never part of the project.
    return listing
      .split("\0")
      .filter(
        (file) =>
          file !== "" &&
          !SKIPPED_ENTRIES.has(file.split("/")[0] ?? "") &&
          existsSync(join(repoRoot, file)),
      );
  } catch {
    return undefined;
  }
}

/**
 * Copies the project into `dest` as a fresh checkout would have it, with no
 * caches, so every benchmark is a cold build. .git is copied too (it is
 * small): the build reads each claim's last change from git history, and
 * without it that lookup would cost nothing and flatter the figures.
 */
export function copyProject(repoRoot: string, dest: string): void {
  const files = workingTreeFiles(repoRoot);
  if (files) {
    for (const file of files) {
      mkdirSync(dirname(join(dest, file)), { recursive: true });
      cpSync(join(repoRoot, file), join(dest, file));
    }
    cpSync(join(repoRoot, ".git"), join(dest, ".git"), { recursive: true });
    return;
  }
  cpSync(repoRoot, dest, {
    recursive: true,
    filter: (source) => {
      const path = relative(repoRoot, source);
      return path === "" || !SKIPPED_ENTRIES.has(path.split(sep)[0] ?? "");
    },
  });
}

/**
 * Gives `dest` a real node_modules folder whose entries are symlinks to the
 * repository's, minus the cache folders (see PRIVATE_CACHES). Node and Vite
 * resolve symlinks to their real paths, so every package still loads once,
 * from the repository.
 */
export function linkNodeModules(repoRoot: string, dest: string): void {
  const source = join(repoRoot, "node_modules");
  if (!existsSync(source)) {
    throw new Error(`${source} is missing; run npm install first`);
  }
  const target = join(dest, "node_modules");
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source)) {
    if (PRIVATE_CACHES.has(name)) continue;
    symlinkSync(join(source, name), join(target, name));
  }
}

/**
 * Leaves a built copy as a fresh checkout with only the social-card cache
 * restored (what CI has once it caches cards): no build output, and neither
 * Astro's nor Vite's caches. `.cache/` holds only the card cache.
 */
export function forgetAllButCardCache(root: string): void {
  for (const path of ["dist", ".astro", "node_modules/.astro", "node_modules/.vite"]) {
    removeDir(join(root, path));
  }
}

/** A file of a generated project: path from the project root, and text. */
export interface ProjectFile {
  readonly path: string;
  readonly text: string;
}

/**
 * The smallest Astro site that renders the same claim MDX: the same Astro and
 * @astrojs/mdx, a permissive schema, a one-element layout and a one-element
 * stub for every component claims may use (without one, MDX fails the page).
 * It is the baseline the full site's build cost is compared against.
 */
export function bareSiteFiles(): ProjectFile[] {
  const components = Object.keys(MDX_COMPONENTS);
  return [
    {
      path: "package.json",
      text: `${JSON.stringify({ name: "bench-bare-site", private: true, type: "module" }, null, 2)}\n`,
    },
    {
      path: "astro.config.mjs",
      text: [
        'import { defineConfig } from "astro/config";',
        'import mdx from "@astrojs/mdx";',
        "",
        "export default defineConfig({",
        '  site: "http://localhost:4321",',
        '  trailingSlash: "always",',
        "  integrations: [mdx()],",
        "});",
        "",
      ].join("\n"),
    },
    {
      path: "src/content.config.ts",
      text: [
        'import { defineCollection } from "astro:content";',
        'import { glob } from "astro/loaders";',
        'import { z } from "astro/zod";',
        "",
        "// Permissive on purpose: the baseline should not pay for validation.",
        "export const collections = {",
        "  claims: defineCollection({",
        '    loader: glob({ pattern: "**/[^_]*.mdx", base: "./content/claims" }),',
        "    schema: z.looseObject({ title: z.string() }),",
        "  }),",
        "};",
        "",
      ].join("\n"),
    },
    {
      path: "src/layouts/Layout.astro",
      text: [
        "---",
        "const { title } = Astro.props;",
        "---",
        "",
        '<!doctype html>\n<html lang="en">',
        '  <head><meta charset="utf-8" /><title>{title}</title></head>',
        "  <body><main><slot /></main></body>",
        "</html>",
        "",
      ].join("\n"),
    },
    ...components.map((name) => ({
      path: `src/components/${name}.astro`,
      text: "---\nconst { id } = Astro.props;\n---\n\n<span data-id={id}><slot /></span>\n",
    })),
    {
      path: "src/components/RatingLabel.astro",
      text: "---\nconst { of } = Astro.props;\n---\n\n<strong>{of}</strong>\n",
    },
    {
      path: "src/pages/index.astro",
      text: [
        "---",
        'import { getCollection } from "astro:content";',
        'import Layout from "../layouts/Layout.astro";',
        'const claims = await getCollection("claims");',
        "---",
        "",
        '<Layout title="Claims">',
        "  <ul>{claims.map((claim) => <li><a href={`/claims/${claim.id}/`}>{claim.data.title}</a></li>)}</ul>",
        "</Layout>",
        "",
      ].join("\n"),
    },
    {
      path: "src/pages/claims/[id].astro",
      text: [
        "---",
        'import { getCollection, render } from "astro:content";',
        'import Layout from "../../layouts/Layout.astro";',
        ...components.map((name) => `import ${name} from "../../components/${name}.astro";`),
        "",
        "export async function getStaticPaths() {",
        '  const claims = await getCollection("claims");',
        "  return claims.map((claim) => ({ params: { id: claim.id }, props: { claim } }));",
        "}",
        "",
        "const { claim } = Astro.props;",
        "const { Content } = await render(claim);",
        "---",
        "",
        "<Layout title={claim.data.title}>",
        "  <h1>{claim.data.title}</h1>",
        `  <Content components={{ ${components.join(", ")} }} />`,
        "</Layout>",
        "",
      ].join("\n"),
    },
  ];
}

/** The config file `writeAstroAloneConfig` writes into a copy of the site. */
export const ASTRO_ALONE_CONFIG = "bench-astro-alone.config.mjs";

/**
 * The site's Astro config with only Astro and its own integrations
 * (`@astrojs/...`): the site's own steps are off (the content check, the
 * social cards, the deployment check, the _headers file, and the emit guard
 * and heading ids in the MDX compiler, whose processor is rebuilt with the
 * same MDX features and no plugins). A build with it measures what Astro
 * itself costs on this site's pages.
 */
export function astroAlone(config: AstroUserConfig): AstroUserConfig {
  return {
    ...config,
    integrations: (config.integrations ?? [])
      .flat()
      .filter((integration) => integration && integration.name.startsWith("@astrojs/")),
    markdown: { ...config.markdown, processor: satteri({ features: MDX_FEATURES }) },
  };
}

/**
 * Writes into a copy of this site a config that applies `astroAlone` to the
 * site's own config, so it follows every change to it; returns its name.
 */
export function writeAstroAloneConfig(root: string): string {
  writeFileSync(
    join(root, ASTRO_ALONE_CONFIG),
    [
      'import config from "./astro.config.mjs";',
      'import { astroAlone } from "./scripts/lib/temp-site.ts";',
      "",
      "export default astroAlone(config);",
      "",
    ].join("\n"),
  );
  return ASTRO_ALONE_CONFIG;
}

/** Writes a bare site into `dest` with the claim MDX files from `claimsDir`. */
export function createBareSite(repoRoot: string, dest: string, claimsDir: string): void {
  for (const file of bareSiteFiles()) {
    const path = join(dest, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  const claims = join(dest, "content", "claims");
  mkdirSync(claims, { recursive: true });
  for (const name of readdirSync(claimsDir)) {
    if (name.endsWith(".mdx")) cpSync(join(claimsDir, name), join(claims, name));
  }
  linkNodeModules(repoRoot, dest);
}

/** Files (not folders) under `dir` whose name ends with `suffix`, counted recursively. */
export function countFiles(dir: string, suffix = ""): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && entry.name.endsWith(suffix),
  ).length;
}
