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

describe("the build's warnings", { timeout: 30_000 }, () => {
  type Warning = { code: string; message: string };
  const onwarn = async () => {
    const { default: config } = (await import("../../astro.config.mjs")) as {
      default: { vite?: { build?: { rollupOptions?: { onwarn?: unknown } } } };
    };
    return config.vite?.build?.rollupOptions?.onwarn as (
      warning: Warning,
      warn: (warning: Warning) => void,
    ) => void;
  };

  test("hide Astro's own directive warning, which names every content file", async () => {
    const shown: Warning[] = [];
    (await onwarn())(
      {
        code: "MODULE_LEVEL_DIRECTIVE",
        message:
          'The semantics of the module level directive "use astro:head-inject" in "content/claims/a.mdx?astroPropagatedAssets" may not be preserved when bundling.',
      },
      (warning) => shown.push(warning),
    );
    expect(shown).toEqual([]);
  });

  test("show every other warning", async () => {
    const shown: Warning[] = [];
    const other = { code: "CIRCULAR_DEPENDENCY", message: "src/a.ts -> src/b.ts -> src/a.ts" };
    (await onwarn())(other, (warning) => shown.push(warning));
    expect(shown).toEqual([other]);
  });
});
