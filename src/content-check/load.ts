/**
 * Reads content/ the way an editor sees it: one file at a time, keeping each
 * value's line number so a problem can point at the line to fix.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { LineCounter, isNode, parseDocument } from "yaml";
import type { Problem } from "./problem.ts";

export const COLLECTIONS = {
  claims: { extension: ".mdx", frontmatter: true },
  sources: { extension: ".yaml", frontmatter: false },
  claimants: { extension: ".yaml", frontmatter: false },
  timeline: { extension: ".yaml", frontmatter: false },
  pages: { extension: ".mdx", frontmatter: true },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;

export interface ContentFile {
  readonly collection: CollectionName;
  /** The entry's id: its file name without the extension. */
  readonly id: string;
  /** Path from the project root, with forward slashes. */
  readonly file: string;
  /** The parsed YAML data (frontmatter for MDX files). */
  readonly data: unknown;
  /** The whole file as written. */
  readonly text: string;
  /** The MDX body after the frontmatter; empty for YAML files. */
  readonly body: string;
  /** The 1-based line in the file on which the body starts. */
  readonly bodyLine: number;
  /** The 1-based line of the value at a field path, if the file has it. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export interface LoadResult {
  readonly files: ContentFile[];
  readonly problems: Problem[];
}

/** The frontmatter block at the top of an MDX file. */
export const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Loads every collection under `<projectRoot>/content`. */
export function loadContent(projectRoot: string): LoadResult {
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) {
    const folder = join(projectRoot, "content", collection);
    for (const path of listFiles(folder)) {
      const file = relative(projectRoot, path).split(sep).join("/");
      const loaded = loadFile(collection, file, readFileSync(path, "utf8"));
      if ("problem" in loaded) problems.push(loaded.problem);
      else files.push(loaded.entry);
    }
  }
  return { files, problems };
}

function listFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    })
    .filter((path) => !path.split(sep).at(-1)?.startsWith("_"));
}

function loadFile(
  collection: CollectionName,
  file: string,
  source: string,
): { entry: ContentFile } | { problem: Problem } {
  const { extension, frontmatter } = COLLECTIONS[collection];
  const name = file.split("/").at(-1) ?? file;
  if (!name.endsWith(extension)) {
    return {
      problem: {
        file,
        message: `files in content/${collection}/ must end in ${extension}; rename it (or start its name with _ to keep it out of the site)`,
      },
    };
  }
  const id = name.slice(0, -extension.length);

  let yamlText = source;
  let yamlFirstLine = 1;
  let body = "";
  let bodyLine = 1;
  if (frontmatter) {
    const match = FRONTMATTER.exec(source);
    if (!match) {
      return {
        problem: {
          file,
          line: 1,
          message:
            "has no frontmatter; the file must start with a line of three dashes (---), the fields, and another line of three dashes",
        },
      };
    }
    yamlText = match[1] ?? "";
    yamlFirstLine = 2;
    body = source.slice(match[0].length);
    bodyLine = match[0].split("\n").length;
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, uniqueKeys: true });
  const [yamlError] = document.errors;
  if (yamlError) {
    const line = yamlError.linePos?.[0].line;
    return {
      problem: {
        file,
        line: line === undefined ? undefined : line + yamlFirstLine - 1,
        message: `is not valid YAML (${firstLine(yamlError.message)}); check the quoting and indentation on that line`,
      },
    };
  }

  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    const node = document.getIn(path as unknown[], true);
    const offset = isNode(node) ? node.range?.[0] : undefined;
    return offset === undefined ? undefined : lineCounter.linePos(offset).line + yamlFirstLine - 1;
  };

  return {
    entry: {
      collection,
      id,
      file,
      data: document.toJS(),
      text: source,
      body,
      bodyLine,
      lineOf,
    },
  };
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}
