import { HIDDEN_CHARACTERS } from "./allow-list.ts";

/** One thing wrong with the content, worded for the editor who must fix it. */
export interface Problem {
  /** Path from the project root, e.g. `content/claims/army-memo.mdx`. */
  readonly file: string;
  /** 1-based line in the file, where one can be pointed at. */
  readonly line?: number | undefined;
  /** The field, e.g. `verdict` or `citations[2].source`; absent for whole-file problems. */
  readonly field?: string | undefined;
  /** What is wrong and how to fix it. */
  readonly message: string;
  /**
   * True when this problem causes others (a claim moved or deleted leaves
   * every name of it broken): it is said first, so the editor fixes it
   * rather than the names.
   */
  readonly cause?: boolean;
}

export function formatProblem({ file, line, field, message }: Problem): string {
  const where = line === undefined ? visible(file) : `${visible(file)}:${line}`;
  return field === undefined
    ? `${where}: ${visible(message)}`
    : `${where}: ${visible(field)}: ${visible(message)}`;
}

/**
 * Shows control characters from a file name, a key or a value as \u escapes:
 * printed raw, an escape sequence in content could rewrite the terminal line
 * to read "no problems".
 */
function visible(text: string): string {
  return text.replace(
    new RegExp(`${HIDDEN_CHARACTERS.source}|[\\r\\n\\t]`, "gu"),
    (character) => `\\u{${(character.codePointAt(0) ?? 0).toString(16)}}`,
  );
}

export function formatReport(problems: readonly Problem[]): string {
  if (problems.length === 0) return "The content check found no problems.";
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return [
    `The content check found ${count}:`,
    ...problems.map((problem) => `  ${formatProblem(problem)}`),
  ].join("\n");
}

/** A field path as an editor writes it: `citations[2].source`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index ? "." : ""}${String(part)}`,
    )
    .join("");
}
