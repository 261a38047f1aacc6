import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { BASE, DIST, builtPages } from "./site";

const pages = builtPages();

describe("the Content-Security-Policy", () => {
  test("every page declares a strict policy before anything loads", () => {
    const problems: string[] = [];
    for (const page of pages) {
      const meta = page.$('meta[http-equiv="Content-Security-Policy"]');
      const policy = meta.attr("content") ?? "";
      if (!policy) problems.push(`${page.source}: ${page.url} has no Content-Security-Policy`);
      if (/'unsafe-inline'|'unsafe-eval'/.test(policy))
        problems.push(`${page.url} allows inline or eval'd scripts`);
      if (!/script-src 'self'/.test(policy))
        problems.push(`${page.url} lets scripts come from other sites`);
      if (page.url !== `${BASE}search/` && policy.includes("wasm-unsafe-eval")) {
        problems.push(`${page.url} allows WebAssembly, which only search needs`);
      }
      if (page.$("head > *").index(meta) > 1)
        problems.push(`${page.url} sets its policy after other head elements`);
      page.$("script:not([src])").each((_, script) => {
        if (page.$(script).attr("type") !== "application/ld+json")
          problems.push(`${page.url} has an inline script`);
      });
      if (page.$("[style]").length > 0) problems.push(`${page.url} uses inline style attributes`);
    }
    expect(problems).toEqual([]);
  });

  test("the _headers file sends the policy and the usual security headers", () => {
    const headers = readFileSync(join(DIST, "_headers"), "utf8");
    expect(headers).toMatch(
      new RegExp(
        `^${BASE.replace(/\//g, "\\/")}\\*\\n  Content-Security-Policy: default-src 'none'; script-src 'self';`,
      ),
    );
    expect(headers).toContain("frame-ancestors 'none'");
    for (const header of [
      "X-Content-Type-Options: nosniff",
      "Referrer-Policy:",
      "Strict-Transport-Security:",
      "Permissions-Policy:",
    ]) {
      expect(headers).toContain(header);
    }
    expect(headers).not.toMatch(/unsafe-inline/);
  });
});
