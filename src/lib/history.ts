/**
 * A content file's history in git, for "last changed" dates. One `git log`
 * reads the whole history of content/ once per build (a call per page would
 * cost a process per claim). Outside a git checkout there is no history,
 * and in a shallow clone (CI's default) the history is cut off, so every file
 * would seem to have changed in the newest commit: then no date is given
 * rather than a wrong one. The workflows fetch the whole history.
 */
import { execFileSync } from "node:child_process";

let lastChanges: Map<string, Date> | undefined;

function readHistory(): Map<string, Date> {
  const changes = new Map<string, Date>();
  let log: string;
  try {
    const shallow = execFileSync("git", ["rev-parse", "--is-shallow-repository"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    if (shallow !== "false") {
      console.warn(
        "This is a shallow git clone, so pages show no 'last changed' date; fetch the full history (git fetch --unshallow) to show them.",
      );
      return changes;
    }
    log = execFileSync("git", ["log", "--format=%x00%cs", "--name-only", "--", "content"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return changes;
  }
  // Newest commit first: the first date seen for a file is its last change.
  for (const commit of log.split("\0").slice(1)) {
    const [day, ...files] = commit.trim().split("\n");
    const date = new Date(`${day}T00:00:00Z`);
    for (const file of files) if (file && !changes.has(file)) changes.set(file, date);
  }
  return changes;
}

/** The date of the last commit that touched `file` (a path from the project root). */
export function lastChanged(file: string): Date | undefined {
  lastChanges ??= readHistory();
  return lastChanges.get(file);
}
