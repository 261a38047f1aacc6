/**
 * Dates a reader sees that follow from other content must not depend on an
 * editor remembering to change them.
 */
import { describe, expect, test } from "vitest";
import { builtPages } from "./site";

describe("derived dates in the built site", () => {
  test("the corrections page's “Last updated” is no older than its newest entry", () => {
    const page = builtPages().find((built) => built.file === "corrections/index.html");
    expect(page, "dist/corrections/index.html").toBeDefined();
    const $ = page!.$;
    const stamp = $("p:contains('Last updated') time");
    const updated = stamp.attr("datetime") ?? "";
    const entries = $("article time")
      .not(stamp)
      .map((_, time) => $(time).attr("datetime") ?? "")
      .get();
    expect(entries.length).toBeGreaterThan(0);
    expect(updated >= entries.sort().at(-1)!, `Last updated ${updated}`).toBe(true);
  });
});
