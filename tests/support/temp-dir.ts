/**
 * Vitest's global setup: one temporary folder per test run, removed when the
 * run ends. Every folder the tests make under os.tmpdir() (content fixtures,
 * git histories, build outputs) is made inside it, so a run leaves nothing
 * behind in the system's temporary folder, even when a test fails half-way.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "dji-claims-check-tests-"));
  // os.tmpdir() reads TMPDIR, or TEMP and TMP on Windows; the test workers,
  // started after this, inherit them.
  for (const name of ["TMPDIR", "TEMP", "TMP"]) process.env[name] = dir;
  return () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
