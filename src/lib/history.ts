/**
 * A content file's history in git, for "last changed" and history links.
 * Outside a git checkout (a source tarball, say) there is no history to show.
 */
import { execFileSync } from "node:child_process";

const cache = new Map<string, Date | undefined>();

/** The date of the last commit that touched `file` (a path from the project root). */
export function lastChanged(file: string): Date | undefined {
  if (!cache.has(file)) {
    let date: Date | undefined;
    try {
      const day = execFileSync("git", ["log", "-1", "--format=%cs", "--", file], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim();
      date = day ? new Date(`${day}T00:00:00Z`) : undefined;
    } catch {
      date = undefined;
    }
    cache.set(file, date);
  }
  return cache.get(file);
}
