import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { checkContent } from "@/content-check";
import { ANSWER_MAX } from "@/schemas";
import { astroAloneLine, phaseBreakdown, ratioLine } from "../../scripts/lib/bench-report.ts";
import { astroAlone } from "../../scripts/lib/temp-site.ts";
import siteConfig from "../../astro.config.mjs";
import type { AstroUserConfig } from "astro";
import { attributeProfile } from "../../scripts/lib/cpu-profile.ts";
import { labelOf } from "../../scripts/lib/process-memory.ts";
import { RouteTimings, parseDuration } from "../../scripts/lib/build-log.ts";
import {
  CITATIONS_PER_CLAIM,
  generateSyntheticContent,
  writeFiles,
} from "../../scripts/lib/synthetic.ts";
import { FIXTURES } from "./fixtures";

// The benchmark is only meaningful if its synthetic claims are ones the real
// build accepts: the content check runs before every build and would stop it.
describe("the benchmark's synthetic content", () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  test("passes the content check next to real content", () => {
    const root = mkdtempSync(join(tmpdir(), "bench-content-"));
    roots.push(root);
    cpSync(join(FIXTURES, "valid"), root, { recursive: true });
    // The fixture's one claim is at order 1.
    writeFiles(root, generateSyntheticContent({ claims: 12, firstOrder: 2 }));
    expect(checkContent(root)).toEqual([]);
  });

  test("looks like a real claim: sections and a dozen citation markers", () => {
    const claim = generateSyntheticContent({ claims: 1, firstOrder: 1 }).find((file) =>
      file.path.startsWith("content/claims/"),
    );
    expect(claim).toBeDefined();
    expect(claim!.text.match(/^## /gm)?.length).toBeGreaterThanOrEqual(4);
    expect(claim!.text.match(/<Cite id="[a-z0-9-]+" \/>/g)).toHaveLength(CITATIONS_PER_CLAIM);
  });

  // The content check runs on every claim, so one answer over the limit in
  // 10,000 stops the largest benchmark before it builds anything.
  test("keeps every answer within the schema's limit, at 10,000 claims too", () => {
    const answers = generateSyntheticContent({ claims: 10_000, firstOrder: 1 })
      .filter((file) => file.path.startsWith("content/claims/"))
      .map((file) => JSON.parse(/^answer: (".*")$/m.exec(file.text)?.[1] ?? '""') as string);
    expect(answers).toHaveLength(10_000);
    expect(answers.filter((answer) => answer.length > ANSWER_MAX || answer.length === 0)).toEqual(
      [],
    );
  }, 60_000);

  test("is the same for the same options, so runs are comparable", () => {
    const options = { claims: 3, firstOrder: 1 };
    expect(generateSyntheticContent(options)).toEqual(generateSyntheticContent(options));
  });
});

describe("the benchmark's build log reader", () => {
  test("reads Astro's three duration formats", () => {
    expect(parseDuration("85ms")).toBe(85);
    expect(parseDuration("1.25s")).toBe(1250);
    expect(parseDuration("2m 5s")).toBe(125_000);
    expect(parseDuration("soon")).toBeUndefined();
  });

  test("adds up Astro's per-file timings by route, across split chunks and colours", () => {
    const timings = new RouteTimings();
    timings.add("05:39:48   ├─ /sources/a/index.html (+80ms) \n05:39:48   ├─ /sources/b/in");
    timings.add("dex.html \u001b[2m(+20ms)\u001b[22m\n  ├─ /claims/a/index.html (+5ms)\n");
    timings.add("  ├─ /claims/index.html (+3ms)\n  └─ /sources/index.html (+1m 2s)\n");
    timings.add("  ├─ /story/index.html (+1.50s)\n[build] Complete!");
    expect(timings.groups()).toEqual([
      { route: "top-level pages", files: 3, milliseconds: 63_503 },
      { route: "/sources/*", files: 2, milliseconds: 100 },
      { route: "/claims/*", files: 1, milliseconds: 5 },
    ]);
  });
});

describe("the benchmark's verdict lines", () => {
  test("print one machine-readable ratio line per case, in the issue's exact format", () => {
    expect(ratioLine("cold", 36.8, 20, 1490 * 1024 ** 2)).toBe(
      "ratio cold: time 1.84x, peak 1490 MB",
    );
    expect(ratioLine("warm", 24.2, 20, 1402.4 * 1024 ** 2)).toBe(
      "ratio warm: time 1.21x, peak 1402 MB",
    );
  });

  test("say what Astro alone costs on the same pages, and what the site's steps add", () => {
    expect(astroAloneLine(26, 16.25, 29.5)).toBe(
      "Astro alone: time 1.60x (the site's own steps add 0.22x warm)",
    );
  });

  test("read the time the content check, the cards and the search index report", () => {
    const timings = new RouteTimings();
    timings.add("09:25:48 [content-check] content/ passed every check in 1.25 s\n");
    timings.add(
      "09:27:30 [social-cards] wrote 1016 cards (654 not yet drawn when Astro finished) in 17.36 s\n",
    );
    timings.add(
      "\u001b[2m09:27:34\u001b[22m [search-index] indexed 1027 pages for search in 4.5 s",
    );
    timings.add("\n09:27:34 [security-headers] wrote _headers\n");
    expect(timings.steps()).toEqual({
      contentCheck: 1250,
      socialCards: 17_360,
      searchIndex: 4500,
    });
  });

  test("break a build's time down by phase, the rest counted as other", () => {
    const line = phaseBreakdown({
      seconds: 30,
      routes: [
        { route: "/claims/*", files: 1000, milliseconds: 6000 },
        { route: "top-level pages", files: 20, milliseconds: 2000 },
      ],
      steps: { contentCheck: 1500, socialCards: 8000, searchIndex: 4000 },
    });
    expect(line).toBe(
      "content check 1.5 s; page rendering 8.0 s (/claims/* 6.0 s (1000 files), top-level pages 2.0 s (20 files)); " +
        "cards 8.0 s; search index 4.0 s; other 8.5 s (start-up, content sync, bundling, other hooks)",
    );
  });

  test("say so when a step did not report its time, rather than count it as nothing", () => {
    const line = phaseBreakdown({ seconds: 10, routes: [], steps: {} });
    expect(line).toContain("content check not reported");
    expect(line).toContain("search index not reported");
    expect(line).toContain("cards none");
  });
});

describe("the benchmark's CPU profile attribution", () => {
  // A profile of four samples of 1 s each: the content check running the
  // YAML parser, a compiled page calling Astro's runtime, the bundler on its
  // own, and the idle main thread.
  const frame = (id: number, url: string, functionName: string, children: number[] = []) => ({
    id,
    callFrame: { url, functionName },
    children,
  });
  const profile = {
    startTime: 0,
    endTime: 4e6,
    nodes: [
      frame(1, "", "(root)", [2, 4, 6, 7]),
      frame(2, "file:///site/src/content-check/index.ts", "checkContent", [3]),
      frame(3, "file:///site/node_modules/js-yaml/dist/js-yaml.mjs", "load"),
      frame(4, "file:///site/dist/.prerender/chunks/claims_x.mjs", "render", [5]),
      frame(5, "file:///site/node_modules/astro/dist/runtime/server/render.js", "renderJSX"),
      frame(6, "file:///site/node_modules/rolldown/dist/index.mjs", "bundle"),
      frame(7, "", "(idle)"),
    ],
    samples: [3, 5, 6, 7],
    timeDeltas: [1e6, 1e6, 1e6, 1e6],
  };

  test("charges library code to the site's step or page that called it", () => {
    const seconds = attributeProfile(profile);
    expect(seconds.get("site: content check")).toBe(1);
    expect(seconds.get("page rendering (compiled pages and components, Astro's runtime)")).toBe(1);
    expect(seconds.get("bundling: Vite, Rolldown, the MDX compiler, Tailwind")).toBe(1);
    expect(seconds.get("idle: waiting for the bundler's threads, workers, the disk")).toBe(1);
    expect([...seconds.values()].reduce((sum, value) => sum + value, 0)).toBe(4);
  });
});

describe("the benchmark's process names", () => {
  test("name a Node.js process by the script it runs, not by its flags", () => {
    expect(labelOf("/x/bin/node\0--heap-growing-percent=20\0/x/astro/bin/astro.mjs\0build\0")).toBe(
      "node astro.mjs",
    );
    expect(labelOf("/x/pagefind_extended\0--service\0")).toBe("pagefind_extended");
  });
});

/** What @astrojs/markdown-satteri keeps of the options it was made with. */
interface SatteriOptions {
  readonly hastPlugins: readonly unknown[];
  readonly features: Record<string, unknown>;
}

describe("the benchmark's Astro-alone build", () => {
  const names = (config: AstroUserConfig): string[] =>
    (config.integrations ?? [])
      .flat()
      .flatMap((integration) => (integration ? [integration.name] : []));

  test("keeps Astro and its own integrations, and nothing of the site's", () => {
    expect(names(siteConfig)).toEqual(
      expect.arrayContaining(["content-check", "social-cards", "@astrojs/mdx"]),
    );
    const alone = astroAlone(siteConfig);
    expect(names(alone)).toEqual(names(siteConfig).filter((name) => name.startsWith("@astrojs/")));
    // The MDX compiler is rebuilt with the same features, without the emit
    // guard and heading ids.
    const options = (config: AstroUserConfig) =>
      (config.markdown?.processor as unknown as { options: SatteriOptions }).options;
    expect(options(siteConfig).hastPlugins.length).toBeGreaterThan(0);
    expect(options(alone).hastPlugins).toEqual([]);
    expect(options(alone).features).toEqual(options(siteConfig).features);
    expect(alone.site).toBe(siteConfig.site);
  });
});
