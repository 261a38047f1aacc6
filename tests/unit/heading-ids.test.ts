import { mdxToJs } from "satteri";
import { describe, expect, test } from "vitest";
import { MDX_FEATURES } from "@/content-check/allow-list";
import { HEADING_ID_PREFIX, headingIds } from "@/content-check/heading-ids";

/** The ids the compiled MDX gives its headings. */
async function ids(body: string): Promise<string[]> {
  const { code } = await mdxToJs(body, { features: MDX_FEATURES, hastPlugins: [headingIds] });
  return [...code.matchAll(/id: "([^"]*)"/g)].map((match) => match[1] ?? "");
}

describe("content heading ids", () => {
  // "## Source 1" once took citation [1]'s target; "## Main" the skip link's.
  test("can never take an id the layouts use, and never repeat", async () => {
    expect(await ids("## Source 1\n\n## Main\n\n## Source 1\n\n## ???\n")).toEqual([
      `${HEADING_ID_PREFIX}source-1`,
      `${HEADING_ID_PREFIX}main`,
      `${HEADING_ID_PREFIX}source-1-1`,
      `${HEADING_ID_PREFIX}heading`,
    ]);
  });
});
