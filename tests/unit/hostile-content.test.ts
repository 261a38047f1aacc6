/**
 * Hostile MDX, each file in tests/fixtures/hostile/ an edit someone might
 * send in a pull request to deface a page or run code. Every one must be
 * stopped twice: by the content check, which parses as the compiler does,
 * and by the emit guard inside the compiler itself, each naming the file.
 * Add every new trick you try as a file there.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { mdxToHast, mdxToJs, mdxToMdast } from "satteri";
import { describe, expect, it } from "vitest";
import { MDX_FEATURES } from "@/content-check/allow-list";
import { ContentEmitError, emitGuard } from "@/content-check/emit-guard";
import { checkContent } from "@/content-check";
import { scanMdx } from "@/content-check/mdx-safety";
import config from "../../astro.config.mjs";
import { fixtureRoot } from "./fixtures";

const HOSTILE = fileURLToPath(new URL("../fixtures/hostile/", import.meta.url));
const cases = readdirSync(HOSTILE)
  .filter((name) => name.endsWith(".mdx"))
  .sort()
  .map((name) => ({ name, body: readFileSync(join(HOSTILE, name), "utf8") }));
const CLAIM_FILE = "content/claims/hostile.mdx";

// Nested thousands deep: the compiler itself would crash on these (a stack
// overflow or a segmentation fault), so the check must stop them first.
const CHECK_ONLY = join(HOSTILE, "check-only");
const checkOnly = readdirSync(CHECK_ONLY)
  .filter((name) => name.endsWith(".mdx"))
  .sort()
  .map((name) => ({ name, body: readFileSync(join(CHECK_ONLY, name), "utf8") }));

/**
 * Every href or src in a hast tree that a browser would resolve to anything but
 * an http(s) or mailto address, or an image on another site: an oracle
 * written apart from the guard, reading addresses as a browser does.
 */
function unsafeAddresses(tree: unknown): string[] {
  const found: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    const properties = (node["properties"] ?? {}) as Record<string, unknown>;
    for (const key of ["href", "src"]) {
      const value = properties[key];
      if (typeof value !== "string") continue;
      const resolved = new URL(value, "https://site.test/claims/x/");
      const badScheme = !["http:", "https:", "mailto:"].includes(resolved.protocol);
      const remoteImage = key === "src" && resolved.host !== "site.test";
      if (badScheme || remoteImage) found.push(value);
    }
    if (typeof node["name"] === "string" || node["type"] === "raw")
      found.push(String(node["type"]));
    for (const child of (node["children"] as Record<string, unknown>[] | undefined) ?? []) {
      walk(child);
    }
  };
  walk(tree as Record<string, unknown>);
  return found;
}

/** Compiles a body the way Astro's MDX pipeline does, with the guard installed. */
async function compile(body: string) {
  return mdxToJs(body, {
    features: MDX_FEATURES,
    hastPlugins: [emitGuard],
    fileURL: pathToFileURL(join(process.cwd(), CLAIM_FILE)),
    jsxImportSource: "astro",
    elementAttributeNameCase: "html",
  });
}

describe("hostile content", () => {
  it("has a corpus to run", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  describe.each(cases)("$name", ({ body }) => {
    it("is refused by the content check", () => {
      const { findings } = scanMdx(body, ["Cite", "ClaimLink"]);
      expect(findings.map((finding) => finding.message)).not.toEqual([]);
    });

    it("is refused inside the compiler, naming the file, or emitted harmless", async () => {
      const error: unknown = await compile(body).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      if (error === undefined) {
        // The compiler neutralised it (percent-encoding a smuggled scheme, say):
        // what it emits must pass a check that does not share the guard's code.
        expect(unsafeAddresses(mdxToHast(body, { features: MDX_FEATURES }))).toEqual([]);
      } else if (error instanceof ContentEmitError) {
        expect(error.message).toContain(CLAIM_FILE);
      } else {
        // The compiler could not parse it at all; Astro reports the file and line.
        expect(String(error)).toMatch(/^Error: \d+:\d+: /);
      }
    });
  });

  it.each(checkOnly)(
    "$name is refused by the content check before the compiler sees it",
    ({ body }) => {
      const { findings } = scanMdx(body, ["Cite", "ClaimLink"]);
      expect(findings.map((finding) => finding.message)).not.toEqual([]);
    },
    // The deepest cases take seconds to parse on a busy machine; a refusal, not a speed, is tested.
    30_000,
  );

  it("fails the whole content check with the file and line", () => {
    const root = fixtureRoot("valid");
    const claim = join(root, "content/claims/fixture-claim.mdx");
    const valid = readFileSync(claim, "utf8");
    const table = cases.find(({ name }) => name === "table-cell-overlay-classes.mdx")!.body;
    writeFileSync(claim, `${valid}\n${table}`);
    const problems = checkContent(root);
    const tableLine = valid.split("\n").length + 3;
    expect(problems).toContainEqual(
      expect.objectContaining({ file: "content/claims/fixture-claim.mdx", line: tableLine }),
    );
  });
});

describe("the content check and the compiler read alike", () => {
  it("the site's MDX processor uses the check's features and the emit guard", () => {
    const processor = config.markdown?.processor as
      { name: string; options: { features: unknown; hastPlugins: unknown[] } } | undefined;
    expect(processor?.name).toBe("satteri");
    expect(processor?.options.features).toEqual(MDX_FEATURES);
    expect(processor?.options.hastPlugins).toContain(emitGuard);
  });

  it("the check parses with the same copy of the parser as Astro's processor", async () => {
    const { createRequire } = await import("node:module");
    const fromProcessor = createRequire(
      createRequire(import.meta.url).resolve("@astrojs/markdown-satteri"),
    ).resolve("satteri");
    expect(createRequire(import.meta.url).resolve("satteri")).toBe(fromProcessor);
  });

  it.each(cases)("sees the same tags and addresses as the compiler emits: $name", ({ body }) => {
    let checkTree: unknown;
    try {
      checkTree = mdxToMdast(body, { features: MDX_FEATURES });
    } catch {
      return; // Invalid MDX: both sides refuse it (tested above).
    }
    const seen = (tree: unknown) => {
      const found: string[] = [];
      const walk = (node: Record<string, unknown>) => {
        if (typeof node["name"] === "string") found.push(`<${node["name"]}>`);
        for (const child of (node["children"] as Record<string, unknown>[] | undefined) ?? []) {
          walk(child);
        }
      };
      walk(tree as Record<string, unknown>);
      return found.sort();
    };
    expect(seen(mdxToHast(body, { features: MDX_FEATURES }))).toEqual(seen(checkTree));
  });
});
