/**
 * The second wall. The content check refuses unsafe MDX before the build, by
 * parsing it as the compiler does; this Sätteri hast plugin runs inside the
 * compiler itself and fails the build if what it is about to emit for a
 * content file holds anything outside the allow-list (elements, attributes,
 * URL schemes, components, code), whatever parser trick produced it.
 * astro.config.mjs installs it for every MDX file.
 */
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { HastPluginDefinition } from "satteri";
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  ATTRIBUTE_VALUES,
  HIDDEN_CHARACTERS,
  LOOKS_LIKE_ADDRESS,
  MAX_BREAKS,
  MAX_NESTING,
  EMITTED_ELEMENTS,
  MDX_COMPONENTS,
  URL_ATTRIBUTES,
  componentsFor,
  contentFolderOf,
  hasVisibleWords,
  isDeceptiveAddress,
  unsafeUrl,
  type MdxComponentName,
} from "./allow-list.ts";
import { isOnlyComments } from "./mdx-safety.ts";

/** The parts of a hast or MDX node the guard reads. */
interface GuardedNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: unknown;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: GuardedNode[];
  position?: { start?: { line?: number; column?: number } };
}

/** A build failure that names the content file and line, as Astro shows it. */
export class ContentEmitError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(file: string, line: number | undefined, column: number | undefined, what: string) {
    super(
      `${file}${line === undefined ? "" : `:${line}`}: ${what}. Content may only use Markdown, the inline tags ${ALLOWED_TAGS.join(", ")} and the site's components; run npm run check:content for the fix.`,
    );
    this.name = "ContentEmitError";
    this.line = line;
    this.column = column;
  }
}

/** What is wrong with one node, or undefined when it may be emitted. */
function refusal(node: GuardedNode, components: readonly MdxComponentName[]): string | undefined {
  switch (node.type) {
    case "root":
    case "text":
      return undefined;
    case "element": {
      const tag = node.tagName ?? "";
      const allowed = EMITTED_ELEMENTS[tag];
      if (!allowed || !Object.hasOwn(EMITTED_ELEMENTS, tag)) return `a <${tag}> element`;
      for (const [property, value] of Object.entries(node.properties ?? {})) {
        if (!allowed.includes(property)) return `the ${property} attribute on <${tag}>`;
        if (typeof value !== "string" && typeof value !== "number") {
          return `a computed ${property} on <${tag}>`;
        }
        if (URL_ATTRIBUTES.has(property) && unsafeUrl(String(value))) {
          return `the address "${String(value)}" on <${tag}>`;
        }
        if (property === "href" && isDeceptiveAddress(String(value))) {
          return `the address "${String(value)}", which hides the site it opens`;
        }
      }
      return undefined;
    }
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      return jsxRefusal(node, components);
    case "mdxFlowExpression":
    case "mdxTextExpression":
      return typeof node.value === "string" && isOnlyComments(node.value)
        ? undefined
        : `the code {${String(node.value)}}`;
    case "mdxjsEsm":
      return "an import or export";
    default:
      return `a ${node.type} node`;
  }
}

function jsxRefusal(
  node: GuardedNode,
  components: readonly MdxComponentName[],
): string | undefined {
  const name = node.name;
  if (typeof name !== "string") return "a <> fragment";
  const attributes = node.attributes ?? [];
  const isComponent = (components as readonly string[]).includes(name);
  if (!isComponent && !ALLOWED_TAGS.includes(name)) return `the tag <${name}>`;
  const allowed = isComponent
    ? Object.keys(MDX_COMPONENTS[name as MdxComponentName].props)
    : ALLOWED_ATTRIBUTES;
  const names = attributes.map((attribute) => attribute.name);
  if (names.some((attributeName, index) => names.indexOf(attributeName) !== index)) {
    return `an attribute written twice on <${name}>`;
  }
  if (name === "time" && !names.includes("datetime")) return "a <time> without a datetime";
  for (const attribute of attributes) {
    if (attribute.type !== "mdxJsxAttribute" || typeof attribute.name !== "string") {
      return `code spread into <${name}>`;
    }
    if (!allowed.includes(attribute.name)) return `the ${attribute.name} attribute on <${name}>`;
    if (typeof attribute.value !== "string" && !(attribute.value === null && !isComponent)) {
      return `a computed ${attribute.name} on <${name}>`;
    }
    if (
      URL_ATTRIBUTES.has(attribute.name) &&
      typeof attribute.value === "string" &&
      unsafeUrl(attribute.value)
    ) {
      return `the address "${attribute.value}" on <${name}>`;
    }
    if (
      attribute.name === "title" &&
      typeof attribute.value === "string" &&
      LOOKS_LIKE_ADDRESS.test(attribute.value)
    ) {
      return `a title on <${name}> that shows an address`;
    }
    const rule =
      !isComponent && Object.hasOwn(ATTRIBUTE_VALUES, attribute.name)
        ? ATTRIBUTE_VALUES[attribute.name]
        : undefined;
    if (rule && !(typeof attribute.value === "string" && rule.valid(attribute.value))) {
      return `${attribute.name}="${String(attribute.value)}" on <${name}>, which is not ${rule.expected}`;
    }
  }
  return undefined;
}

const linkLike = (node: GuardedNode) =>
  (node.type === "element" && node.tagName === "a") ||
  ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") &&
    (node.name === "ClaimLink" || node.name === "PageLink" || node.name === "Cite"));

const textOf = (node: GuardedNode): string =>
  typeof node.value === "string" ? node.value : (node.children ?? []).map(textOf).join("");

/**
 * What makes the page invalid or deceptive even from allowed pieces: a link
 * in a link, an inline tag or component compiled as a block, a tag inside
 * itself, <br> with content, a link without visible words, nesting beyond any
 * real page, and characters a reader cannot see. (Heading ids are made safe
 * by heading-ids.ts.)
 */
function structureRefusal(
  node: GuardedNode,
  ancestors: readonly GuardedNode[],
  isSnippet = false,
): string | undefined {
  if (ancestors.length > MAX_NESTING * 3) return "content nested too deeply";
  if (linkLike(node) && ancestors.some(linkLike)) return "a link inside a link";
  const name = typeof node.name === "string" ? node.name : undefined;
  if (node.type === "mdxJsxFlowElement" && name) return `<${name}> as a block of its own`;
  if (name && ALLOWED_TAGS.includes(name) && ancestors.some((ancestor) => ancestor.name === name)) {
    return `<${name}> inside another <${name}>`;
  }
  if (name === "br" && (node.children ?? []).length > 0) return "a <br> holding text";
  if (linkLike(node) && node.name !== "Cite" && !hasVisibleWords(textOf(node))) {
    return "a link with no words a reader can see";
  }
  if (
    node.type === "element" &&
    ["p", "h2", "h3", "h4", "li", "td", "th"].includes(node.tagName ?? "") &&
    HIDDEN_CHARACTERS.test(textOf(node).normalize("NFC"))
  ) {
    return "hidden characters or marks stacked on one letter";
  }
  if (node.type === "element" && /^h[1-6]$/.test(node.tagName ?? "") && isSnippet) {
    return "a heading in a snippet (snippets are shown inside pages that have their own)";
  }
  const values = [
    node.type === "text" ? node.value : undefined,
    ...Object.values(node.properties ?? {}),
    ...(node.attributes ?? []).map((attribute) => attribute.value),
  ];
  if (values.some((value) => typeof value === "string" && HIDDEN_CHARACTERS.test(value))) {
    return "an invisible control character";
  }
  return undefined;
}

/** The project-relative path of the file being compiled, for messages. */
function displayPath(fileURL: URL | undefined): string {
  if (!fileURL) return "(an MDX file)";
  return relative(process.cwd(), fileURLToPath(fileURL)).split(sep).join("/");
}

export const emitGuard: HastPluginDefinition = {
  name: "content-emit-guard",
  options: { position: true },
  before(root, context) {
    const file = displayPath(context.fileURL);
    const components = componentsFor(file);
    const isSnippet = contentFolderOf(file) === "snippets";
    let breaks = 0;
    const walk = (
      node: GuardedNode,
      ancestors: readonly GuardedNode[],
      line: number | undefined,
      column: number | undefined,
    ) => {
      const here = node.position?.start?.line ?? line;
      const at = node.position?.start?.column ?? column;
      if (node.name === "br" || node.tagName === "br") breaks += 1;
      const what =
        refusal(node, components) ??
        structureRefusal(node, ancestors, isSnippet) ??
        (breaks > MAX_BREAKS ? `more than ${MAX_BREAKS} line breaks` : undefined);
      if (what) throw new ContentEmitError(file, here, at, `the page would contain ${what}`);
      for (const child of node.children ?? []) walk(child, [...ancestors, node], here, at);
    };
    walk(root as unknown as GuardedNode, [], undefined, undefined);
  },
};
