/**
 * The built site as files: every HTML page in dist/ (or DIST_DIR), parsed,
 * with the source file each page is built from, so a failure can point an
 * editor or developer at the file to fix.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { load, type CheerioAPI } from "cheerio";
import { TEST_DEPLOYMENT } from "../../scripts/lib/test-deployment.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DIST = process.env["DIST_DIR"] ?? join(ROOT, "dist");
/** The base path the site was built for, e.g. "/" or "/dji-check/". */
export const BASE = (process.env["BASE_PATH"] ?? "/").replace(/\/?$/, "/");
/** The public origin the build was made for: SITE_URL, else the one `npm run build:test` uses. */
export const SITE_URL = process.env["SITE_URL"] ?? TEST_DEPLOYMENT.SITE_URL;

export interface BuiltPage {
  /** Path inside dist/, e.g. `claims/army-memo/index.html`. */
  readonly file: string;
  /** The URL path the page is served at, under the base path. */
  readonly url: string;
  readonly html: string;
  readonly $: CheerioAPI;
  /** The file in the repository that the page's content comes from. */
  readonly source: string;
}

export function listFiles(folder: string = DIST): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory()
      ? listFiles(path)
      : [relative(DIST, path).split(sep).join("/")];
  });
}

export function sourceOf(file: string): string {
  const claim = /^claims\/([^/]+)\/index\.html$/.exec(file)?.[1];
  if (claim) return `content/claims/${claim}.mdx`;
  const name = file === "index.html" ? "home" : /^([^/]+)\/index\.html$/.exec(file)?.[1];
  if (name && existsSync(join(ROOT, "content/pages", `${name}.mdx`)))
    return `content/pages/${name}.mdx`;
  const page = file.replace(/\/index\.html$/, "").replace(/\.html$/, "") || "index";
  return `src/pages/${page === "claims" ? "claims/index" : page}.astro`;
}

/** `src:line` of the first line of `source` that contains `needle`, else just `source`. */
export function locate(source: string, needle: string): string {
  const path = join(ROOT, source);
  if (!existsSync(path)) return source;
  const index = readFileSync(path, "utf8")
    .split("\n")
    .findIndex((line) => line.includes(needle));
  return index === -1 ? source : `${source}:${index + 1}`;
}

let cache: BuiltPage[] | undefined;

export function builtPages(): BuiltPage[] {
  if (!existsSync(DIST)) throw new Error(`${DIST} does not exist; run npm run build first`);
  cache ??= listFiles()
    .filter((file) => file.endsWith(".html"))
    .map((file) => {
      const html = readFileSync(join(DIST, file), "utf8");
      const url = BASE + file.replace(/index\.html$/, "");
      return { file, url, html, $: load(html), source: sourceOf(file) };
    });
  return cache;
}
