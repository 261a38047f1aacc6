import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseAllHeaders, type Header } from "@netlify/headers-parser";
import { BASE, DIST, builtPages, listFiles } from "./site";

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

  // Read with Netlify's own parser; every built file is matched as a host would.
  test("the _headers file gives every file one policy, and search what it needs", async () => {
    const { headers, errors } = await parseAllHeaders({
      headersFiles: [join(DIST, "_headers")],
      configHeaders: [],
      minimal: false,
    });
    expect(errors).toEqual([]);
    const rules = headers as Header[];
    const problems: string[] = [];
    for (const file of listFiles(DIST).filter((name) => name !== "_headers")) {
      const path = `${BASE}${file.replace(/(^|\/)index\.html$/, "$1")}`;
      const matching = rules.filter(({ forRegExp }) => forRegExp.test(path));
      // Cloudflare joins a header set by two rules into two policies that both
      // apply, Netlify keeps the last: only identical policies are safe on both.
      const policies = new Set(
        matching.flatMap(({ values }) => values["Content-Security-Policy"] ?? []),
      );
      if (policies.size !== 1) problems.push(`${path}: ${policies.size} different policies`);
      const [policy = ""] = policies;
      const needsWasm = path.startsWith(`${BASE}search/`) || path.startsWith(`${BASE}pagefind/`);
      if (needsWasm !== policy.includes("'wasm-unsafe-eval'")) {
        problems.push(`${path}: WebAssembly ${needsWasm ? "blocked" : "allowed"}`);
      }
      if (!needsWasm && !policy.includes("frame-ancestors 'none'")) {
        problems.push(`${path}: can be framed`);
      }
      const shared = Object.assign({}, ...matching.map(({ values }) => values));
      for (const header of [
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Strict-Transport-Security",
        "Permissions-Policy",
        "X-Frame-Options",
      ]) {
        if (!shared[header]) problems.push(`${path}: no ${header}`);
      }
      if (/unsafe-inline/.test(policy)) problems.push(`${path}: allows inline scripts`);
    }
    expect(problems).toEqual([]);
  });
});
