/**
 * YAML mistakes in plain words, at the line the editor must change. The
 * parser stops where it gives up, often the line after the mistake, and
 * words it in its own terms ("Nested mappings are not allowed in compact
 * mappings"); editors need the line to change and what to type.
 */
import { parseDocument, type YAMLError } from "yaml";

export interface YamlMistake {
  /** 1-based line in the text that was parsed. */
  readonly line: number;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

const parses = (text: string) => parseDocument(text, { uniqueKeys: true }).errors.length === 0;

const indentOf = (line: string) => /^ */.exec(line)?.[0].length ?? 0;

/** `key:value` (no space after the colon) at the start of a line. */
const KEY_WITHOUT_SPACE = /^\s*(?:- )?([A-Za-z][\w-]*):(?=[^\s:/])(\S.*)$/;
/** `key: value` where an unquoted value holds ": ". */
const UNQUOTED_COLON = /^\s*(?:- )?([A-Za-z][\w-]*): +([^"'\s|>][^#]*?: .*)$/;

/**
 * Text to be put inside straight double quotes, its own double quotes made
 * curly (“halt”), as a quotation inside a value must be.
 */
export function curlyQuotes(text: string): string {
  let opening = true;
  return text.replace(/"/g, () => {
    const quote = opening ? "“" : "”";
    opening = !opening;
    return quote;
  });
}

/** What YAML makes of a value by its first character. */
const SPECIAL_STARTS: Record<string, string> = {
  "[": "the start of a list",
  "{": "the start of a group of fields",
  "'": "a quotation that ends at the next '",
  "*": "a reference to another value",
  "&": "a name for this value",
  "!": "a type tag",
  "@": "a reserved character",
  "`": "a reserved character",
  "%": "a directive",
};
/** `key: value` whose unquoted value starts with one of those characters. */
const VALUE_START = new RegExp(
  `^\\s*(?:- )?([A-Za-z][\\w-]*): +([${Object.keys(SPECIAL_STARTS)
    .map((character) => `\\${character}`)
    .join("")}].*?)\\s*$`,
);

/** Counts the quotation marks that open or close a double-quoted string on a line. */
const doubleQuotes = (line: string) => (line.replace(/\\./g, "").match(/"/g) ?? []).length;

/** Lines that sit more than one level (two spaces) deeper than the line above. */
function jumps(lines: readonly string[]): number {
  let count = 0;
  let previous: number | undefined;
  for (const line of lines) {
    if (line.trim() === "") continue;
    const indent = indentOf(line);
    if (previous !== undefined && indent > previous + 2) count++;
    previous = indent;
  }
  return count;
}

/** The deepest indentation an indentation fix suggests (twenty levels). */
const DEEPEST_FIX = 40;

/**
 * The line whose re-indenting makes the whole text valid: among the lines
 * near the parser's stopping point, the one whose fix leaves the fewest
 * jumps of more than one level, then a line that itself jumps in deeper
 * than the line above allows, then the nearest. Returns each depth that
 * works for it (there can be two: the end of one block or the next).
 */
function indentationFix(lines: string[], stoppedAt: number) {
  const fixes: { line: number; from: number; to: number; score: number }[] = [];
  for (
    let line = Math.max(1, stoppedAt - 2);
    line <= Math.min(lines.length, stoppedAt + 1);
    line++
  ) {
    const text = lines[line - 1] ?? "";
    if (text.trim() === "" || text.trimStart().startsWith("#")) continue;
    const previous = lines
      .slice(0, line - 1)
      .reverse()
      .find((candidate) => candidate.trim() !== "");
    const previousIndent = previous === undefined ? 0 : indentOf(previous);
    // A line may go deeper than the one above only when that line opens a
    // block (`key:` or `- `); otherwise the "fix" would glue it onto a value.
    const opensBlock = previous !== undefined && /:\s*$|^\s*- /.test(previous);
    const from = indentOf(text);
    // A line deeper than the one above, which opens no block, is the slip
    // itself: moving it back beats moving its neighbours to match it.
    const jumpsIn = from > previousIndent && !opensBlock;
    // Every depth tried re-parses the file: past the deepest any content file
    // nests, a depth is not a fix worth trying (a line indented 199,000
    // spaces once took minutes of re-parsing).
    for (let to = 0; to <= Math.min(previousIndent + 2, DEEPEST_FIX); to += 2) {
      if (to === from || (to > previousIndent && !opensBlock)) continue;
      const repaired = [...lines];
      repaired[line - 1] = " ".repeat(to) + text.trimStart();
      if (!parses(repaired.join("\n"))) continue;
      fixes.push({
        line,
        from,
        to,
        score: jumps(repaired) * 10 + (jumpsIn ? 0 : 5) + Math.abs(line - stoppedAt),
      });
    }
  }
  const [best] = fixes.sort((a, b) => a.score - b.score || a.line - b.line);
  if (!best) return undefined;
  const depths = fixes.filter((fix) => fix.line === best.line && fix.score === best.score);
  return {
    line: best.line,
    from: best.from,
    to: depths.map((fix) => fix.to).sort((a, b) => a - b),
  };
}

const spaces = (count: number) => (count === 1 ? "1 space" : `${count} spaces`);

/** The first YAML mistake in `text`, explained; undefined if this parser finds none. */
export function explainYamlMistake(text: string): YamlMistake | undefined {
  const [error] = parseDocument(text, { uniqueKeys: true }).errors as YAMLError[];
  if (!error) return undefined;
  const lines = text.split(/\r?\n/);
  const line = error.linePos?.[0].line ?? 1;
  const at = (n: number) => lines[n - 1] ?? "";

  if (error.code === "TAB_AS_INDENT") {
    return {
      line,
      message:
        "is indented with a tab; YAML needs spaces, so replace the tab with two spaces per level",
    };
  }
  if (error.code === "DUPLICATE_KEY") {
    const key = /^\s*(?:- )?([^:]+):/.exec(at(line))?.[1];
    return {
      line,
      message: `gives ${key ? `\`${key}\`` : "a field"} a second time; keep one of the two lines and delete the other`,
    };
  }
  if (error.code === "MISSING_CHAR" && error.message.includes("quote")) {
    // The parser notices at the end of the text; the quote was opened earlier,
    // on the last line above with an odd number of double quotation marks.
    let opened = line;
    for (let n = Math.min(line, lines.length); n >= 1; n--) {
      if (doubleQuotes(at(n)) % 2 === 1) {
        opened = n;
        break;
      }
    }
    return {
      line: opened,
      message:
        'opens a quotation with " that is never closed; end the value with a straight " (a quotation inside the text takes curly quotes “…” or single quotes)',
    };
  }
  for (const n of [line, line - 1]) {
    const glued = KEY_WITHOUT_SPACE.exec(at(n));
    const spaced = lines.map((text, i) =>
      i === n - 1 && glued ? text.replace(`${glued[1]}:`, `${glued[1]}: `) : text,
    );
    if (glued && parses(spaced.join("\n"))) {
      return {
        line: n,
        message: `needs a space after the colon: write \`${glued[1]}: ${glued[2]}\``,
      };
    }
  }
  const fix = indentationFix(lines, line);
  if (fix) {
    const depth =
      fix.to.length === 1
        ? `needs ${spaces(fix.to[0] ?? 0)}`
        : `needs ${fix.to.map(spaces).join(" or ")}, depending on which field it belongs under`;
    return {
      line: fix.line,
      message: `is indented ${spaces(fix.from)}, but its place in the structure ${depth}; YAML reads indentation as structure, so line each field up with the fields beside it (two spaces per level)`,
    };
  }
  for (const n of [line, line - 1]) {
    const colon = UNQUOTED_COLON.exec(at(n));
    if (colon) {
      return {
        line: n,
        message: `the value of \`${colon[1]}\` holds a colon followed by a space, which YAML reads as the start of a new field; put the whole value in straight double quotes: ${colon[1]}: "${curlyQuotes(colon[2]?.trim() ?? "")}"`,
      };
    }
  }
  // A value YAML reads as something else from its first character: a list
  // ([), a map ({), a quoted string that then goes on ('DJI' is), an alias
  // (*DJI*), a tag (!) or a reserved character (@, `, %).
  for (const n of [line, line - 1]) {
    const start = VALUE_START.exec(at(n));
    if (!start) continue;
    const [, key = "", value = ""] = start;
    const quoted = lines.map((text, i) =>
      i === n - 1 ? text.replace(value, `"${curlyQuotes(value.replace(/\\/g, "\\\\"))}"`) : text,
    );
    if (parses(quoted.join("\n"))) {
      return {
        line: n,
        message: `the value of \`${key}\` starts with ${value[0]}, which YAML reads as ${SPECIAL_STARTS[value[0] ?? ""] ?? "markup"}, not as text; put the whole value in straight double quotes: ${key}: "${curlyQuotes(value)}"`,
      };
    }
  }
  if (error.code === "UNEXPECTED_TOKEN" && /"[^"]*"\s*\S/.test(at(line))) {
    return {
      line,
      message: "has text after the closing quotation mark; put the whole value inside the quotes",
    };
  }
  if (error.code === "BAD_INDENT") {
    return {
      line,
      message:
        "does not line up with the fields beside it; YAML reads indentation as structure, so start each field in the same column as its neighbours (two spaces per level)",
    };
  }
  return {
    line,
    message: `is not valid YAML (the parser says: ${error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}); check the quoting and indentation on this line and the one above`,
  };
}
