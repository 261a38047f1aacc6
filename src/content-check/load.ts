/**
 * Reads content/ exactly as Astro will, so that what the check validates is
 * what the site builds: YAML files and MDX frontmatter through Astro's own
 * parsers (js-yaml, and its frontmatter splitter for MDX, whose body keeps
 * every line where it was). A second YAML parser is used only to find the
 * line of each value, so a problem can point at the line to fix.
 */
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseFrontmatter } from "@astrojs/internal-helpers/frontmatter";
import { load as loadYaml } from "js-yaml";
import { LineCounter, isNode, parseDocument } from "yaml";
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from "../schemas/collections.ts";
import type { Problem } from "./problem.ts";

export type { CollectionName };

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

/** The frontmatter text as Astro's splitter finds it (from the line of the first ---). */
const FRONTMATTER_TEXT = /^---([\s\S]*?\n)---/;

/** Loads every collection under `<projectRoot>/content`. */
export function loadContent(projectRoot: string): LoadResult {
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  for (const collection of COLLECTION_NAMES) {
    const folder = join(projectRoot, "content", collection);
    for (const path of listFiles(folder, problems, projectRoot)) {
      const file = relative(projectRoot, path).split(sep).join("/");
      const loaded = loadFile(collection, file, readFileSync(path, "utf8"));
      if ("problem" in loaded) problems.push(loaded.problem);
      else files.push(loaded.entry);
    }
  }
  return { files, problems };
}

/**
 * Every file under a content folder, depth first. A symbolic link is refused
 * rather than followed: it could publish a file from outside the repository.
 */
function listFiles(folder: string, problems: Problem[], projectRoot: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => !name.startsWith("_"))
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      const stats = lstatSync(path);
      if (stats.isSymbolicLink()) {
        problems.push({
          file: relative(projectRoot, path).split(sep).join("/"),
          message:
            "is a symbolic link; content/ must hold real files, so replace the link with a copy of the file (or delete it)",
        });
        return [];
      }
      return stats.isDirectory() ? listFiles(path, problems, projectRoot) : [path];
    });
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

  const control = findControlCharacter(source);
  if (control) {
    return {
      problem: {
        file,
        line: control.line,
        field: fieldAtLine(source, control.line, frontmatter),
        message: `holds an invisible control character (${control.name}); it can hide or reorder text for readers, so delete it (retype the line if you cannot see it)`,
      },
    };
  }

  let yamlText = source;
  let yamlFirstLine = 1;
  let body = "";
  if (frontmatter) {
    if (!/^---\r?\n/.test(source)) {
      return {
        problem: {
          file,
          line: 1,
          message:
            "has no frontmatter; the file must start with a line of three dashes (---), the fields, and another line of three dashes",
        },
      };
    }
    let split: ReturnType<typeof parseFrontmatter>;
    try {
      split = parseFrontmatter(source, { frontmatter: "empty-with-spaces" });
    } catch (error) {
      return { problem: yamlProblem(file, error, FRONTMATTER_TEXT.exec(source)?.[1] ?? "", 1) };
    }
    yamlText = split.rawFrontmatter;
    yamlFirstLine = 1;
    // Astro's MDX compiler reads the file with the frontmatter blanked out,
    // so positions in the body are positions in the file.
    body = split.content;
  }

  let data: unknown;
  try {
    data = frontmatter
      ? parseFrontmatter(source, { frontmatter: "remove" }).frontmatter
      : loadYaml(source, { filename: file });
  } catch (error) {
    return { problem: yamlProblem(file, error, yamlText, yamlFirstLine) };
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, uniqueKeys: true });
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    if (document.errors.length > 0) return undefined;
    const node = document.getIn(path as unknown[], true);
    const offset = isNode(node) ? node.range?.[0] : undefined;
    return offset === undefined ? undefined : lineCounter.linePos(offset).line + yamlFirstLine - 1;
  };

  return {
    entry: {
      collection,
      id,
      file,
      data,
      text: source,
      body,
      bodyLine: 1,
      lineOf,
    },
  };
}

/**
 * A YAML error, at its line in the file. js-yaml (Astro's parser) decides
 * whether the YAML is valid; where the other parser also fails, its wording
 * and line are used, since they point at where the mistake starts (an
 * unclosed quote, not the line where js-yaml gave up).
 */
function yamlProblem(file: string, error: unknown, yamlText: string, firstLine: number): Problem {
  const lineCounter = new LineCounter();
  const [precise] = parseDocument(yamlText, { lineCounter, uniqueKeys: true }).errors;
  if (precise) {
    const line = precise.linePos?.[0].line;
    return {
      file,
      line: line === undefined ? undefined : line + firstLine - 1,
      message: `is not valid YAML (${precise.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}); check the quoting and indentation on that line`,
    };
  }
  const { mark, reason } = error as { mark?: { line: number }; reason?: string };
  return {
    file,
    line: mark === undefined ? undefined : mark.line + firstLine,
    message: `is not valid YAML (${reason ?? String(error)}); check the quoting and indentation on that line`,
  };
}

/**
 * Control characters (NUL, escape...) and the bidirectional overrides and
 * isolates that can make text read differently from how it is stored.
 * Tabs and line breaks are fine.
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * The top-level field a line belongs to (the nearest `name:` at or above it),
 * or undefined for an MDX file's text below its frontmatter.
 */
function fieldAtLine(source: string, line: number, frontmatter: boolean): string | undefined {
  const lines = source.split("\n").slice(0, line);
  const closing = frontmatter ? lines.findIndex((text, index) => index > 0 && text === "---") : -1;
  if (closing !== -1) return undefined;
  for (const text of lines.reverse()) {
    const name = /^([A-Za-z][\w-]*):/.exec(text)?.[1];
    if (name) return name;
  }
  return undefined;
}

function findControlCharacter(source: string): { line: number; name: string } | undefined {
  const match = CONTROL.exec(source);
  if (!match) return undefined;
  const code = match[0].codePointAt(0) ?? 0;
  return {
    line: source.slice(0, match.index).split("\n").length,
    name: `U+${code.toString(16).toUpperCase().padStart(4, "0")}`,
  };
}
