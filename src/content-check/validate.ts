/**
 * Checks each file against its collection's schema and rewords every schema
 * issue for an editor: the field, what was found, and what to write instead.
 */
import { z } from "astro/zod";
import { COLLECTIONS, COLLECTION_NAMES } from "../schemas/collections.ts";
import { ID_REFERENCES } from "../schemas/index.ts";
import { KEBAB_CASE, PLACEHOLDER } from "../schemas/fields.ts";
import type { CollectionName, ContentFile } from "./load.ts";
import { ratingNamedBy } from "../schemas/ratings.ts";
import { closest } from "./suggest.ts";
import { shorten } from "../lib/shorten.ts";
import { curlyQuotes } from "./yaml-errors.ts";
import { fieldName, type Problem } from "./problem.ts";

/** Each collection's schema with references as plain ids, from the registry. */
export const SCHEMAS = Object.fromEntries(
  COLLECTION_NAMES.map((name) => [name, COLLECTIONS[name].schema(ID_REFERENCES)]),
) as unknown as Record<CollectionName, z.ZodType>;

/** The longest file name (without extension) a content file may have. */
export const MAX_ID_LENGTH = 100;

/**
 * Names Windows keeps for devices, whatever the extension: a file called
 * `aux.mdx` cannot be checked out there, so one editor's pull request would
 * lock every Windows editor out of the repository.
 */
const WINDOWS_DEVICE_NAMES = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export function validateFile(file: ContentFile): Problem[] {
  const problems: Problem[] = [];
  const noun = COLLECTIONS[file.collection].entry;
  if (file.id === "") {
    problems.push({
      file: file.file,
      message: `has no name before its extension; the name becomes the page address, so give it a few words that name the ${noun}, e.g. "army-memo-${noun}"`,
    });
  } else if (!KEBAB_CASE.test(file.id)) {
    problems.push({
      file: file.file,
      message: `the file name "${file.id}" is not kebab-case; the name becomes the page address, so use lower-case words joined by hyphens, e.g. "${suggestKebab(file.id)}"`,
    });
  } else if (WINDOWS_DEVICE_NAMES.test(file.id)) {
    problems.push({
      file: file.file,
      message: `the file name "${file.id}" is a name Windows keeps for a device, so editors on Windows could not check the file out; add a word or two that name the ${noun}, e.g. "${file.id}-${noun}"`,
    });
  } else if (file.id.length > MAX_ID_LENGTH) {
    // The build names its own files after the id; past the file system's
    // limit (255 bytes) the bundler fails with a backtrace.
    problems.push({
      file: file.file,
      message: `the file name "${file.id}" is ${file.id.length} characters long; the name becomes the page address, so keep it to ${MAX_ID_LENGTH} or fewer: a few words that name the ${noun}`,
    });
  }
  const schema = SCHEMAS[file.collection];
  if (file.data === null || typeof file.data !== "object" || Array.isArray(file.data)) {
    problems.push({
      file: file.file,
      line: 1,
      message: "must hold fields written as `name: value`, one per line",
    });
    return problems;
  }
  problems.push(...illFormedText(file, file.data));
  const result = schema.safeParse(file.data, { reportInput: true });
  if (!result.success) {
    const issues = result.error.issues;
    // A misspelt field ("bottomline") is reported with "did you mean"; the
    // field it was meant to be is then not also reported as missing.
    const meant = new Set(
      issues.flatMap((issue) =>
        issue.code === "unrecognized_keys"
          ? issue.keys.flatMap((key) => {
              const guess = closest(key, Object.keys(objectShapeAt(schema, issue.path) ?? {}));
              return guess ? [fieldName([...issue.path, guess])] : [];
            })
          : [],
      ),
    );
    for (const issue of issues) {
      if (isMissing(file.data, issue) && meant.has(fieldName(issue.path))) continue;
      problems.push(...describeIssue(file, schema, issue));
    }
  }
  return problems;
}

/**
 * Text holding half of a character: YAML's escapes can write one ("\ud83d"
 * alone), which UTF-8 cannot encode. Pages, feeds and cards would each replace
 * or drop it their own way, and the card cache would not recognise its card.
 */
function illFormedText(file: ContentFile, value: unknown, path: PropertyKey[] = []): Problem[] {
  if (typeof value === "string") {
    if (value.isWellFormed()) return [];
    // With the u flag, only a lone surrogate is a match of its own.
    const half = /\p{Surrogate}/u.exec(value)?.[0] ?? "";
    const code = (half.codePointAt(0) ?? 0).toString(16).toUpperCase();
    return [
      {
        file: file.file,
        line: file.lineOf(path),
        field: fieldName(path),
        message: `holds "\\u${code}", half of a character written as an escape, which no page can show; delete the escape, or write the whole character it was part of`,
      },
    ];
  }
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, item]) =>
    illFormedText(file, item, [...path, Array.isArray(value) ? Number(key) : key]),
  );
}

function describeIssue(file: ContentFile, schema: z.ZodType, issue: z.core.$ZodIssue): Problem[] {
  const path = issue.path;
  if (issue.code === "unrecognized_keys") {
    const allowed = Object.keys(objectShapeAt(schema, path) ?? {});
    const topLevel = Object.keys(objectShapeAt(schema, []) ?? {});
    return issue.keys.map((key) => {
      const guess = closest(key, allowed);
      // `  verdict:` indented under `appearance:` is a field of the file, not of appearance.
      const parent = path.at(-1);
      const fix = guess
        ? `did you mean "${guess}"? Fix the spelling`
        : path.length > 0 && typeof parent === "string" && topLevel.includes(key)
          ? `${key} is a field of its own, indented as if it were part of ${parent}; remove the spaces before it, so it starts at the left margin like ${parent}:`
          : `remove it; the fields allowed here are: ${allowed.join(", ")}`;
      return {
        file: file.file,
        line: file.lineOf([...path, key]),
        field: fieldName([...path, key]),
        message: `is not a field ${path.length ? "here" : `of ${file.collection}`}; ${fix}`,
      };
    });
  }
  const field = fieldName(path);
  if (isMissing(file.data, issue)) {
    const meta = z.globalRegistry.get(fieldSchemaAt(schema, path) ?? schema);
    const example =
      meta?.["example"] === undefined
        ? ""
        : ` (for example: ${String(path.at(-1))}: ${String(meta["example"])})`;
    const about = meta?.description ? ` It is: ${meta.description}` : "";
    return [
      {
        file: file.file,
        // A missing field has no line of its own; a nested one, its parent's.
        line: path.length > 1 ? file.lineOf(path.slice(0, -1)) : undefined,
        field,
        message: `is required but missing; add it${example}.${about}`,
      },
    ];
  }
  const line = file.lineOf(path) ?? file.lineOf(path.slice(0, -1));
  if (issue.input === null && issue.code === "invalid_type") {
    return [
      {
        file: file.file,
        line,
        field,
        message: emptyValue(issue, path),
      },
    ];
  }
  if (typeof issue.input === "string" && issue.input.includes(PLACEHOLDER)) {
    return [
      {
        file: file.file,
        line,
        field,
        message: `still holds the template's placeholder; replace it (as written, it ${issue.message})`,
      },
    ];
  }
  // `- It cited one reason: cyber risks` is a field named "It cited one
  // reason" to YAML, not the text the editor meant.
  const text = textReadAsField(issue);
  if (text !== undefined) {
    return [
      {
        file: file.file,
        line,
        field,
        message: `holds a colon followed by a space, which YAML reads as the start of a new field; put the whole value in straight double quotes: "${curlyQuotes(text)}"`,
      },
    ];
  }
  // A value one slip away from an allowed one ("unproved"), or a rating
  // written in the answer's words ("partly true"): name it.
  const guess =
    issue.code === "invalid_value" && typeof issue.input === "string"
      ? (closest(
          issue.input,
          issue.values.filter((value): value is string => typeof value === "string"),
        ) ?? ratingNamedBy(issue.input))
      : undefined;
  return [
    {
      file: file.file,
      line,
      field,
      message: `${received(issue.input)}${issue.message}${guess ? `; did you mean "${guess}"?` : ""}`,
    },
  ];
}

/**
 * A required field that is not there at all (as opposed to one holding a
 * wrong value): whatever the field's type, the editor is told to add it.
 */
function isMissing(data: unknown, issue: z.core.$ZodIssue): boolean {
  if (issue.input !== undefined || issue.path.length === 0) return false;
  let parent: unknown = data;
  for (const part of issue.path.slice(0, -1)) {
    if (parent === null || typeof parent !== "object") return false;
    parent = (parent as Record<PropertyKey, unknown>)[part];
  }
  return (
    parent !== null &&
    typeof parent === "object" &&
    !Object.hasOwn(parent, issue.path.at(-1) as PropertyKey)
  );
}

/**
 * The text an editor wrote, when text was expected and YAML read it as a
 * field and its value (an unquoted "words: more words" in a list).
 */
function textReadAsField(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== "invalid_type" || issue.expected !== "string") return undefined;
  const input = issue.input;
  if (input === null || typeof input !== "object" || Array.isArray(input)) return undefined;
  const entries = Object.entries(input);
  if (entries.length !== 1) return undefined;
  const [[key, value]] = entries as [[string, unknown]];
  if (value !== null && typeof value === "object") return undefined;
  return value === null ? `${key}:` : `${key}: ${String(value)}`;
}

/**
 * What to write in a field left empty: a list item's or a group's fields
 * under it, a list's items, or (for text, a date, a number) the value after
 * the colon.
 */
function emptyValue(issue: z.core.$ZodIssue, path: readonly PropertyKey[]): string {
  const expected = issue.code === "invalid_type" ? issue.expected : undefined;
  if (expected === "object") {
    return typeof path.at(-1) === "number"
      ? "is empty; write its fields under the dash, or delete the line"
      : "is empty; write its fields under it, each indented two more spaces, or delete the line";
  }
  if (expected === "array") {
    return 'is empty; write its items under it, each on a line starting with "- ", or delete the line';
  }
  return "has no value; write it after the colon and a space, on the same line";
}

/** The longest value a message repeats whole; a longer one is shown cut. */
const MOST_REPEATED = 80;

function received(input: unknown): string {
  if (input === undefined || typeof input === "object") return "";
  const shown =
    typeof input === "string" && input.length > MOST_REPEATED
      ? shorten(input.replace(/\s+/g, " "), MOST_REPEATED)
      : input;
  // Text with double quotes in it is shown as written, not with JSON's \" escapes.
  if (typeof shown === "string" && shown.includes('"') && !/[\\\p{Cc}]/u.test(shown)) {
    return `'${shown}' `;
  }
  return `${JSON.stringify(shown)} `;
}

/** The schema of the value at `path`, looking through wrappers and lists. */
function fieldSchemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const part of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject && typeof part === "string") {
      current = current.shape[part] as z.ZodType | undefined;
    } else if (current instanceof z.ZodArray && typeof part === "number") {
      current = current.element as z.ZodType;
    } else {
      return undefined;
    }
  }
  return current;
}

function objectShapeAt(
  schema: z.ZodType,
  path: readonly PropertyKey[],
): Record<string, unknown> | undefined {
  const found = unwrap(fieldSchemaAt(schema, path));
  return found instanceof z.ZodObject ? found.shape : undefined;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodDefault ||
    current instanceof z.ZodPipe
  ) {
    current = (current instanceof z.ZodPipe ? current.in : current.unwrap()) as z.ZodType;
  }
  return current;
}

/** The allowed name nearest to a misspelt one, if it is near enough to be a typo. */

function suggestKebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
