import { realpathSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";

// npm scripts put node_modules/.bin first on PATH, so the build, the checks
// and these tests all run on the Node that the project installs itself.
describe("the toolchain", () => {
  test("runs on Node 22.12 or later, as Astro 7 requires", () => {
    const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
    expect(major > 22 || (major === 22 && minor >= 12), `running on Node ${process.version}`).toBe(
      true,
    );
  });

  test("resolves `node` in npm scripts to the project's own Node", () => {
    const onPath = execFileSync("node", ["-p", "process.execPath"], { encoding: "utf8" }).trim();
    expect(realpathSync(onPath)).toBe(realpathSync(process.execPath));
  });
});
