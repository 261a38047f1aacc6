/**
 * Reads content/ exactly as Astro will, so that what the check validates is
 * what the site builds: YAML files and MDX frontmatter through Astro's own
 * parsers (js-yaml, and its frontmatter splitter for MDX, whose body keeps
 * every line where it was). A second YAML parser is used only to find the
 * line of each value, so a problem can point at the line to fix.
 */
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { extractFrontmatter, parseFrontmatter } from "@astrojs/internal-helpers/frontmatter";
import { load as loadYaml } from "js-yaml";
import {
  LineCounter,
  isAlias,
  isNode,
  isPair,
  isScalar,
  parseDocument,
  visit,
  type Document,
} from "yaml";
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from "../schemas/collections.ts";
import { MAX_FILE_BYTES } from "../schemas/limits.ts";
import { HIDDEN_CHARACTERS, codePointName } from "./allow-list.ts";
import { fieldName, type Problem } from "./problem.ts";
import { curlyQuotes, explainYamlMistake } from "./yaml-errors.ts";

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
  /**
   * Entries whose file exists but could not be read. Their problem is
   * reported once; references to them still resolve, so one mistake does
   * not also appear as a "missing" entry everywhere it is cited.
   */
  readonly unreadable: { collection: CollectionName; id: string }[];
}

/** The frontmatter text as Astro's splitter finds it (from the line of the first ---). */
const FRONTMATTER_TEXT = /^---([\s\S]*?\n)---/;

/**
 * The file with the frontmatter Astro's splitter finds turned to spaces, line
 * breaks kept, as it does for the compiler, whether or not the YAML parses.
 */
function blankFrontmatter(source: string): string {
  const raw = extractFrontmatter(source);
  return raw === undefined ? source : source.replace(raw, raw.replace(/[^\r\n]/g, " "));
}

/** Loads every collection under `<projectRoot>/content`. */
export function loadContent(projectRoot: string): LoadResult {
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  const unreadable: LoadResult["unreadable"] = [];
  const content = join(projectRoot, "content");
  try {
    if (lstatSync(content).isSymbolicLink()) {
      return { files, problems: [{ file: "content/", message: SYMLINK }], unreadable };
    }
  } catch {
    // No content/ at all: every required entry is reported missing below.
  }
  problems.push(...strayEntries(content, projectRoot));
  for (const collection of COLLECTION_NAMES) {
    const folder = join(projectRoot, "content", collection);
    for (const path of listFiles(folder, problems, projectRoot)) {
      const file = relative(projectRoot, path).split(sep).join("/");
      const loaded = readSafely(() => {
        // Measured before it is read: a file of gigabytes is refused unread.
        const { size } = lstatSync(path);
        if (size > MAX_FILE_BYTES) return { problem: tooBig(file, size) };
        const bytes = readFileSync(path);
        const source = utf8(bytes);
        return source === undefined
          ? { problem: notUtf8(file, bytes) }
          : loadFile(collection, file, source);
      }, file);
      if ("problem" in loaded) {
        problems.push(loaded.problem);
        const name = file.split("/").at(-1) ?? "";
        const { extension } = COLLECTIONS[collection];
        if (name.endsWith(extension)) {
          unreadable.push({ collection, id: name.slice(0, -extension.length) });
        }
      } else files.push(loaded.entry);
    }
  }
  return { files, problems, unreadable };
}

/**
 * `location: Paragraph #2` is "Paragraph" to YAML, which reads a space and #
 * as the start of a comment. A # straight before a letter or digit is text
 * the editor meant (a comment is "# words"), so it is refused, not dropped.
 */
const VALUE_BEFORE_HASH =
  /^(\s*(?:- )?([A-Za-z][\w-]*): +)([^\s"'|>#[{][^#]*?) #(?=[\p{L}\p{N}])(.*)$/u;

function valueCutByComment(yamlText: string): { line: number; message: string } | undefined {
  const lines = yamlText.split("\n");
  const index = lines.findIndex((line) => VALUE_BEFORE_HASH.test(line));
  if (index === -1) return undefined;
  const [, , key = "", value = "", rest = ""] = VALUE_BEFORE_HASH.exec(lines[index] ?? "") ?? [];
  return {
    line: index + 1,
    message: `the value of \`${key}\` would be cut at “#”: YAML reads a space followed by # as the start of a comment, so readers would see only “${value}”; put the whole value in straight double quotes: ${key}: "${curlyQuotes(`${value} #${rest}`)}"`,
  };
}

const tooBig = (file: string, bytes: number): Problem => ({
  file,
  message: `is ${Math.round(bytes / 1024)} KB; a content file may be at most ${MAX_FILE_BYTES / 1024} KB, so split it or shorten it`,
});

/** The file's text, or undefined when its bytes are not UTF-8 (read as UTF-8, they would show as �). */
function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Where the first byte that is not UTF-8 is, found by halving: the shortest start that fails. */
function notUtf8(file: string, bytes: Uint8Array): Problem {
  const fails = (end: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (fails(middle)) bad = middle;
    else good = middle;
  }
  const line = bytes.subarray(0, bad).filter((byte) => byte === 0x0a).length + 1;
  return {
    file,
    line,
    message:
      "is not saved as UTF-8: a character on this line was saved in another encoding (often Latin-1 or Windows-1252, as some editors do for é or ’) and would show as � on the page; save the file as UTF-8 in your editor and retype the character",
  };
}

/**
 * Anything in content/ besides the collection folders. Editors' pull requests
 * change content/ alone, and tools look there for settings of their own: a
 * `.prettierrc.mjs` or `eslint.config.mjs` in content/ would be run by the
 * formatter or the linter. So nothing but the collections may be there.
 */
function strayEntries(content: string, projectRoot: string): Problem[] {
  let names: string[];
  try {
    names = readdirSync(content);
  } catch {
    return [];
  }
  const folders = new Set<string>(COLLECTION_NAMES);
  return names
    .filter((name) => !folders.has(name))
    .sort()
    .map((name) => {
      const path = join(content, name);
      const where = relative(projectRoot, path).split(sep).join("/");
      const folder = lstatSync(path).isDirectory();
      return {
        file: folder ? `${where}/` : where,
        message: folder
          ? `is not one of the content folders; content/ holds only the folders ${COLLECTION_NAMES.join(", ")}, so move its files into the ones they belong in, or delete it`
          : `is not in a content folder; content/ holds only the folders ${COLLECTION_NAMES.join(", ")}, so move the file into the one it belongs in, or delete it`,
      };
    });
}

/**
 * The files of one content folder. Collections are flat: Astro would publish
 * a file in a subfolder under a changed id (`x/index.yaml` replaces entry
 * `x`), so a subfolder is refused, as is a symbolic link, which could publish
 * a file from outside the repository, and so is a name starting with _,
 * which Astro would skip unread.
 */
function listFiles(folder: string, problems: Problem[], projectRoot: string): string[] {
  const where = (path: string) => relative(projectRoot, path).split(sep).join("/");
  let names: string[];
  try {
    if (lstatSync(folder).isSymbolicLink()) {
      problems.push({ file: `${where(folder)}/`, message: SYMLINK });
      return [];
    }
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.sort().flatMap((name) => {
    const path = join(folder, name);
    const stats = lstatSync(path);
    if (stats.isSymbolicLink()) {
      problems.push({ file: where(path), message: SYMLINK });
      return [];
    }
    if (stats.isDirectory()) {
      problems.push({
        file: `${where(path)}/`,
        message:
          "is a folder; each content folder is flat, so move its files up beside the others (a file's name is its address)",
      });
      return [];
    }
    if (name.startsWith("_")) {
      // Astro skips it, so nothing else would ever read or limit it (a 5 MB
      // _notes.yaml ran the formatter out of memory).
      problems.push({
        file: where(path),
        message:
          "starts with _, so the site would never publish it; content/ holds only what the site reads, so rename it (a claim not ready yet takes draft: true) or move it out of content/",
      });
      return [];
    }
    return [path];
  });
}

const SYMLINK =
  "is a symbolic link; content/ must hold real files and folders, so replace the link with a copy (or delete it)";

/**
 * Runs a file's reading, turning a parser's stack overflow (thousands of
 * nested brackets) into a problem that names the file rather than a crash.
 */
function readSafely(
  read: () => { entry: ContentFile } | { problem: Problem },
  file: string,
): { entry: ContentFile } | { problem: Problem } {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      problem: {
        file,
        message:
          "is nested too deeply to read (brackets, lists or quotes inside each other thousands of times); flatten it",
      },
    };
  }
}

/**
 * What the MDX parser (satteri, in Rust) cannot be trusted with: a very long
 * line of `<!--` made it abort the whole check; thousands of `--`, `...` or
 * quotes in one paragraph (smart punctuation) took gigabytes, as did
 * thousands of entities; thousands of braces took minutes; a table of 2,000
 * columns padded every row to 2,000 cells and ran the build out of memory.
 * No page of this site comes near these limits (its longest paragraph is
 * about 3,000 characters); a file past one is refused before it is parsed.
 */
const PARSER_LIMITS = [
  { pattern: /<!--/g, most: 20, what: "HTML comments (<!--)" },
  { pattern: /[{}]/g, most: 200, what: "braces ({ and })" },
  { pattern: /--|\.\.\./g, most: 400, what: "dashes (--) and ellipses (...)" },
  // The parser's smart punctuation keeps memory it never frees, per quote:
  // 100 files of 93,000 quotes each took a build to 6.7 GB. (This site's
  // most quoted page has 370.)
  { pattern: /["'“”‘’]/g, most: 1_500, what: "quotation marks" },
  { pattern: /&/g, most: 1_500, what: "ampersands (&, as in &amp;)" },
] as const;
/** The same, for each paragraph (text between blank lines). */
const PARAGRAPH_LIMITS = [
  { pattern: /["'“”‘’]/g, most: 300, what: "quotation marks" },
  { pattern: /&/g, most: 300, what: "ampersands (&, as in &amp;)" },
] as const;
const LONGEST_LINE = 5_000;
const LONGEST_PARAGRAPH = 8_000;
/** Table columns: a row of more than this many | is refused. */
const MOST_TABLE_BARS = 40;
/** Cells of one table, rows times its widest row (the parser pads every row). */
const MOST_TABLE_CELLS = 2_000;
/** A table's second row: dashes between bars, with optional alignment colons. */
const TABLE_DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$/;

/** A line too long for any content file (the YAML error explainer re-parses per indent). */
function longLine(lines: readonly string[]): { line: number; message: string } | undefined {
  const long = lines.findIndex((line) => line.length > LONGEST_LINE);
  if (long === -1) return undefined;
  return {
    line: long + 1,
    message: `this line is ${lines[long]?.length} characters long; a line may be at most ${LONGEST_LINE}, so break it up`,
  };
}

/**
 * `compiled` is the text as the compiler gets it: Astro's own splitter blanks
 * the frontmatter it finds (a fence it does not close is text).
 */
function parserHazard(
  source: string,
  lines: readonly string[],
  compiled: string,
): { line?: number; message: string } | undefined {
  const long = longLine(lines);
  if (long) return long;
  const wide = lines.findIndex((line) => (line.match(/\|/g)?.length ?? 0) > MOST_TABLE_BARS);
  if (wide !== -1) {
    return {
      line: wide + 1,
      message: `this line has ${lines[wide]?.match(/\|/g)?.length} | characters; a table may have at most ${MOST_TABLE_BARS - 1} columns, so split it`,
    };
  }
  for (const { pattern, most, what } of PARSER_LIMITS) {
    const count = source.match(pattern)?.length ?? 0;
    if (count > most) {
      return {
        message: `holds ${count} ${what}; a page may hold at most ${most}, far more than any real page needs, so remove them`,
      };
    }
  }
  let line = 1;
  for (const paragraph of compiled.split(/(\n[ \t]*\n)/)) {
    const here = line + (/^\n*/.exec(paragraph)?.[0].length ?? 0);
    line += paragraph.split("\n").length - 1;
    if (/^\n[ \t]*\n$/.test(paragraph)) continue;
    if (paragraph.length > LONGEST_PARAGRAPH) {
      return {
        line: here,
        message: `the paragraph starting here is ${paragraph.length} characters long; a paragraph may be at most ${LONGEST_PARAGRAPH}, so split it with blank lines`,
      };
    }
    // A table's rows are padded to its header's columns: cells, not bytes, count.
    const rows = paragraph.trim().split("\n");
    if (rows.some((row) => TABLE_DELIMITER_ROW.test(row))) {
      const columns = Math.max(...rows.map((row) => row.match(/\|/g)?.length ?? 0));
      if (columns * rows.length > MOST_TABLE_CELLS) {
        return {
          line: here,
          message: `the table starting here has ${rows.length} rows of up to ${columns} columns; a table may have at most ${MOST_TABLE_CELLS} cells, so split it`,
        };
      }
    }
    for (const { pattern, most, what } of PARAGRAPH_LIMITS) {
      const count = paragraph.match(pattern)?.length ?? 0;
      if (count > most) {
        return {
          line: here,
          message: `the paragraph starting here holds ${count} ${what}; a paragraph may hold at most ${most}, far more than any real one needs, so remove them`,
        };
      }
    }
  }
  return undefined;
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
        message: `files in content/${collection}/ must end in ${extension}; rename it, or move it out of content/`,
      },
    };
  }
  const id = name.slice(0, -extension.length);

  if (Buffer.byteLength(source) > MAX_FILE_BYTES) {
    return { problem: tooBig(file, Buffer.byteLength(source)) };
  }

  // Astro's splitter, run once: the text the MDX compiler gets, with the
  // frontmatter blanked out (so positions in the body are positions in the
  // file), and the frontmatter read with js-yaml.
  let split: ReturnType<typeof parseFrontmatter> | undefined;
  let splitError: unknown;
  if (frontmatter) {
    try {
      split = parseFrontmatter(source, { frontmatter: "empty-with-spaces" });
    } catch (error) {
      splitError = error;
    }
  }
  const lines = source.split("\n");
  // Frontmatter that does not parse is refused below with the YAML's own
  // problem; until then its block is blanked here as Astro blanks it, so a
  // quoting slip in a long frontmatter is not reported as one long paragraph.
  const hazard = frontmatter
    ? parserHazard(source, lines, split?.content ?? blankFrontmatter(source))
    : longLine(lines);
  if (hazard) return { problem: { file, ...hazard } };

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

  // The YAML text as Astro's splitter leaves it: for MDX, the frontmatter
  // with its opening line break, so line numbers in it are file lines.
  let yamlText = source;
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
    if (!split) {
      const text = FRONTMATTER_TEXT.exec(source)?.[1] ?? "";
      return { problem: yamlProblem(file, splitError, readYaml(text)) };
    }
    yamlText = split.rawFrontmatter;
    body = split.content;
  }

  const cut = valueCutByComment(yamlText);
  if (cut) return { problem: { file, ...cut } };

  // The second parser, read at most once: for line numbers, for what js-yaml
  // would accept silently (anchors, tags, impossible dates) and for clearer
  // errors. Most files can hold none of those, and their lines are needed
  // only for a problem, so it reads a file only when asked (a third of the
  // check's time at 1,000 claims when it read every file).
  let parsed: ReadYaml | undefined;
  const yaml = (): ReadYaml => (parsed ??= readYaml(yamlText));
  const suspect = mayHideYamlTrickOrBadDate(yamlText);

  // Anchors and aliases (&name, *name) let a 1 KB file stand for billions of
  // values; a %YAML directive changes how dates are read. Content needs neither.
  const yamlTrick = yamlTrickIn(yamlText, suspect ? yaml() : undefined);
  if (yamlTrick) return { problem: { file, ...yamlTrick } };

  let data: unknown;
  try {
    // Astro's splitter has already read the frontmatter with js-yaml.
    data = split ? split.frontmatter : loadYaml(source, { filename: file });
  } catch (error) {
    return { problem: yamlProblem(file, error, yaml()) };
  }

  // An escape in a quoted string ("\u202E", "\0") is decoded by the parser,
  // so the characters are looked for in the values, not only in the file.
  const hidden = findInValues(data, []);
  if (hidden) {
    return {
      problem: {
        file,
        field: hidden.path.length ? fieldName(hidden.path) : undefined,
        line: lineOfPath(yaml(), hidden.path),
        message: `holds an invisible control character (${hidden.name}), written as an escape or a character; it can hide or reorder text for readers, so delete it`,
      },
    };
  }

  // js-yaml turns 2026-02-30 into 2 March without a word; the text says otherwise.
  const impossible = suspect ? impossibleDate(yaml()) : undefined;
  if (impossible) {
    const { line, field, message } = impossible;
    return { problem: { file, line, field, message } };
  }

  return {
    entry: {
      collection,
      id,
      file,
      data,
      text: source,
      body,
      bodyLine: 1,
      lineOf: (path) => lineOfPath(yaml(), path),
    },
  };
}

/** A YAML text read by the second parser, with its line numbers. */
interface ReadYaml {
  readonly text: string;
  readonly document: Document;
  readonly lineAt: (offset: number) => number;
}

function readYaml(text: string): ReadYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  return { text, document, lineAt: (offset) => lineCounter.linePos(offset).line };
}

/**
 * A YAML error, at its line in the file. js-yaml (Astro's parser) decides
 * whether the YAML is valid; where the other parser also fails, the mistake is
 * explained in plain words at the line to change (see yaml-errors.ts).
 */
function yamlProblem(file: string, error: unknown, { text }: ReadYaml): Problem {
  const mistake = explainYamlMistake(text);
  if (mistake) return { file, line: mistake.line, message: mistake.message };
  const { mark, reason } = error as { mark?: { line: number }; reason?: string };
  return {
    file,
    line: mark === undefined ? undefined : mark.line + 1,
    message: `is not valid YAML (${reason ?? String(error)}); check the quoting and indentation on that line`,
  };
}

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

/** The first value or key in parsed data holding a control character, with its path. */
function findInValues(
  value: unknown,
  path: (string | number)[],
): { path: (string | number)[]; name: string } | undefined {
  if (typeof value === "string") {
    const match = HIDDEN_CHARACTERS.exec(value);
    return match ? { path, name: codePointName(match[0]) } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findInValues(item, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const inKey = HIDDEN_CHARACTERS.exec(key);
      if (inKey) return { path, name: codePointName(inKey[0]) };
      const found = findInValues(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function lineOfPath(
  { document, lineAt }: ReadYaml,
  path: readonly PropertyKey[],
): number | undefined {
  if (document.errors.length > 0) return undefined;
  const node = document.getIn(path as unknown[], true);
  const offset = isNode(node) ? node.range?.[0] : undefined;
  return offset === undefined ? undefined : lineAt(offset);
}

/**
 * Whether a YAML text can hold an anchor, alias or tag (each needs &, * or
 * !), an escape (\\) that could spell any of them, or a date with a time or
 * not on the calendar. When it cannot, the second parser need not read it.
 */
function mayHideYamlTrickOrBadDate(yamlText: string): boolean {
  if (/[&*!\\]/.test(yamlText)) return true;
  for (const [text, time] of yamlText.matchAll(/\d{4}-\d{1,2}-\d{1,2}([Tt]|[ \t]+\d)?/g)) {
    if (time !== undefined) return true;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) continue;
    const date = new Date(`${text}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(text)) return true;
  }
  return false;
}

function yamlTrickIn(
  yamlText: string,
  yaml: ReadYaml | undefined,
): { line: number | undefined; message: string } | undefined {
  const directive = /^%/m.exec(yamlText);
  if (directive) {
    return {
      line: yamlText.slice(0, directive.index).split("\n").length,
      message: "starts a YAML directive (%); content files need none, so delete the line",
    };
  }
  if (!yaml) return undefined;
  const { document, lineAt } = yaml;
  let found: { line: number | undefined; message: string } | undefined;
  visit(document, (_, node) => {
    if (isNode(node) && node.tag !== undefined) {
      const offset = node.range?.[0];
      found = {
        line: offset === undefined ? undefined : lineAt(offset),
        message: `uses a YAML type tag (${node.tag}); write the value plainly, in double quotes if it is text`,
      };
      return visit.BREAK;
    }
    const anchored = isNode(node) && node.anchor !== undefined;
    if (!isAlias(node) && !anchored) return undefined;
    const offset = isNode(node) || isAlias(node) ? node.range?.[0] : undefined;
    found = {
      line: offset === undefined ? undefined : lineAt(offset),
      message:
        "uses a YAML anchor or alias (&name or *name); content files do not need them, so write each value out in full",
    };
    return visit.BREAK;
  });
  return found;
}

/** A value written as YYYY-MM-DD that is no day of the calendar (2026-02-30). */
function impossibleDate({
  document,
  lineAt,
}: ReadYaml):
  | { text: string; line: number | undefined; field: string | undefined; message: string }
  | undefined {
  let found:
    | { text: string; line: number | undefined; field: string | undefined; message: string }
    | undefined;
  visit(document, {
    Scalar(_, node, path) {
      if (!isScalar(node) || typeof node.value !== "string") return;
      const text = node.value;
      // The field the date is written under, for the message.
      const owner = path.at(-1);
      const key = isPair(owner) && isScalar(owner.key) ? owner.key.value : undefined;
      const field =
        typeof key === "string" && owner !== undefined && isPair(owner) && owner.value === node
          ? key
          : undefined;
      // js-yaml reads "2026-11-31 00:00:00" or "2017-8-2T23:00+23:00" as a
      // moment and shifts or rolls it over; a content date is a day, alone.
      if (/^\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|[ \t]+\d)/.test(text)) {
        found = {
          text,
          line: node.range ? lineAt(node.range[0]) : undefined,
          field,
          message: `${text} has a time; write the date alone, as YYYY-MM-DD`,
        };
        return visit.BREAK;
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return;
      const date = new Date(`${text}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(text)) {
        found = {
          text,
          line: node.range ? lineAt(node.range[0]) : undefined,
          field,
          message: `${text} is not a real calendar date; check the day and the month`,
        };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function findControlCharacter(source: string): { line: number; name: string } | undefined {
  const match = HIDDEN_CHARACTERS.exec(source);
  if (!match) return undefined;
  return {
    line: source.slice(0, match.index).split("\n").length,
    name: codePointName(match[0]),
  };
}
