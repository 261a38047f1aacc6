/**
 * A content file's history in git, for "last changed" dates. One `git log`
 * reads the whole history of content/ once per build (a call per page would
 * cost a process per claim). Outside a git checkout there is no history.
 */
import { execFileSync } from "node:child_process";

let lastChanges: Map<string, Date> | undefined;

function readHistory(): Map<string, Date> {
  const changes = new Map<string, Date>();
  let log: string;
  try {
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
