/**
 * Ids for headings in content, set before Astro's own heading-id step (which
 * keeps an id it finds). Every one starts with `section-` and is numbered when
 * repeated, so no heading an editor writes ("## Source 1", "## Main", "## Log",
 * "## Unproven") can take an id a layout gives its own element, and no two
 * headings on a page share one.
 */
import GithubSlugger, { slug } from "github-slugger";
import type { HastPluginDefinition } from "satteri";

/** What every content heading's id starts with; no layout id does. */
export const HEADING_ID_PREFIX = "section-";

export const headingIds: HastPluginDefinition = {
  name: "content-heading-ids",
  before(root, context) {
    const slugger = new GithubSlugger();
    const walk = (node: {
      type: string;
      tagName?: string;
      value?: unknown;
      children?: unknown[];
    }): void => {
      if (node.type === "element" && /^h[1-6]$/.test(node.tagName ?? "")) {
        const text = textOf(node);
        context.setProperty(
          node as never,
          "id",
          `${HEADING_ID_PREFIX}${slugger.slug(slug(text) === "" ? "heading" : text)}`,
        );
      }
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(root as never);
  },
};

function textOf(node: { value?: unknown; children?: unknown[] }): string {
  return typeof node.value === "string"
    ? node.value
    : (node.children ?? []).map((child) => textOf(child as typeof node)).join("");
}
