import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { checkContent } from "@/lib/content-check";
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

  test("is the same for the same options, so runs are comparable", () => {
    const options = { claims: 3, firstOrder: 1 };
    expect(generateSyntheticContent(options)).toEqual(generateSyntheticContent(options));
  });
});
