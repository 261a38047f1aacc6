/**
 * MDX is code: a pull request could otherwise run scripts in readers' browsers
 * or on the build machine. This parses each file with the compiler's own
 * parser and features (Sätteri, GFM on; see allow-list.ts) and refuses, with
 * the line, everything outside a small allow-list: imports and exports,
 * {expressions}, <script>, inline event handlers, unsafe URLs, embeds, remote
 * images, raw HTML tags, footnotes, and unknown or misused components. The
 * emit guard backs it up on what the compiler actually produces.
 */
import { RATING_KEYS, getRating } from "../schemas/ratings.ts";
import { mdxToMdast, type MdastNode, type MdxJsxAttributeUnion } from "satteri";
import { visit } from "unist-util-visit";
import { shorten } from "../lib/shorten.ts";
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  ATTRIBUTE_VALUES,
  HIDDEN_CHARACTERS,
  codePointName,
  hasVisibleWords,
  MAX_BREAKS,
  MAX_NESTING,
  EMBEDS,
  LOOKS_LIKE_ADDRESS,
  MDX_COMPONENTS,
  MDX_FEATURES,
  URL_ATTRIBUTES,
  isDeceptiveAddress,
  mixedScriptWord,
  namesOtherSite,
  typesRating,
  unsafeUrl,
  type MdxComponentName,
  type MdxComponentSpec,
} from "./allow-list.ts";

/** No import is needed today; add a module path here to allow importing it. */
const ALLOWED_IMPORTS: readonly string[] = [];

export interface MdxFinding {
  /** 1-based line in the MDX body. */
  readonly line: number | undefined;
  readonly message: string;
}

export interface MdxScan {
  readonly findings: MdxFinding[];
  /** Every `<Cite id>` in reading order, for the citation checks. */
  readonly cites: { id: string; line: number | undefined }[];
  /** Every `<ClaimLink id>`, for the check that each names a published claim. */
  readonly claimLinks: { id: string; line: number | undefined }[];
  /** The line of every heading, for collections that may have none. */
  readonly headings: (number | undefined)[];
  /** Paragraphs and list items in an evidence section that cite nothing. */
  readonly uncited: { section: string; line: number | undefined }[];
  /** Every `<RatingLabel of>`, for the check that "Why these ratings" names each rating once. */
  readonly ratingLabels: { of: string; line: number | undefined }[];
  /** Bold labels such as **Verdict: Unproven.** written by hand in "Why these ratings". */
  readonly handwrittenLabels: (number | undefined)[];
  /** False when the body is not valid MDX, so nothing else could be read. */
  readonly parsed: boolean;
}

export function scanMdx(body: string, components: readonly MdxComponentName[]): MdxScan {
  const findings: MdxFinding[] = [];
  const cites: MdxScan["cites"] = [];
  const claimLinks: MdxScan["claimLinks"] = [];
  const uncited: MdxScan["uncited"] = [];
  const headings: MdxScan["headings"] = [];
  const ratingLabels: MdxScan["ratingLabels"] = [];
  const unread = {
    cites,
    claimLinks,
    uncited,
    headings,
    ratingLabels,
    handwrittenLabels: [],
    parsed: false,
  };
  let tree: MdastNode;
  try {
    tree = mdxToMdast(body, { features: MDX_FEATURES });
  } catch (error) {
    // The parser's message starts with "line:column: " and ends with its rule name.
    const message = error instanceof Error ? error.message : String(error);
    const [, lineText, rest] = /^(\d+):\d+:\s*([\s\S]*)$/.exec(message) ?? [];
    const line = lineText === undefined ? undefined : Number(lineText);
    // Its rule name and any "(line:column)" inside are for the parser's authors.
    const why = (rest ?? message)
      .replace(/\s*\([a-z-]+:[a-z-]+\)\s*$/, "")
      .replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, "");
    findings.push({ line, message: invalidMdx(why) });
    return { ...unread, findings };
  }
  const allowedComponents = components.join(", ") || "none in this kind of page";
  // A tree nested thousands deep is refused before any recursive walk over it
  // could overflow the stack; depth is measured without recursion.
  if (maxDepth(tree) > MAX_NESTING * 3) {
    findings.push({ line: undefined, message: TOO_DEEP });
    return { ...unread, findings };
  }
  const structure = structureFindings(tree);
  findings.push(...structure);
  if (structure.some(({ message }) => message === TOO_DEEP)) {
    return { ...unread, findings };
  }

  // Where each [words][name] reference leads, for the checks on its words.
  const definitions = new Map<string, string>();
  visit(tree, "definition", (node) => {
    definitions.set(node.identifier, node.url);
  });

  visit(tree, (node) => {
    const line = node.position?.start.line;
    const refuse = (message: string) => findings.push({ line, message });
    switch (node.type) {
      case "linkReference": {
        const url = definitions.get(node.identifier);
        const problem = url === undefined ? undefined : linkWordsProblem(toText(node), url);
        if (problem) refuse(problem);
        return;
      }
      case "mdxjsEsm": {
        const source = /from\s+["']([^"']+)["']/.exec(node.value)?.[1];
        if (!source || !ALLOWED_IMPORTS.includes(source)) {
          refuse(
            `import and export are not allowed in content files (found: ${node.value.split("\n")[0]}); the site's components (${allowedComponents}) work without importing, so delete the line`,
          );
        }
        return;
      }
      case "mdxFlowExpression":
      case "mdxTextExpression": {
        // {/* comments */} are the one expression allowed: they produce no code.
        if (isOnlyComments(node.value)) return;
        refuse(
          `{${node.value}} is code that runs when the site is built and is not allowed; write the text out (a literal brace is &#123;)`,
        );
        return;
      }
      case "heading": {
        headings.push(line);
        if (node.depth === 1 || node.depth > 4) {
          refuse(
            `a level-${node.depth} heading is not allowed; the page has its own title, so use ## for sections and ### or #### inside them`,
          );
        }
        return;
      }
      case "table":
        if (node.align?.some((align) => align !== null)) {
          refuse(
            "column alignment (the colons in |:--|--:|) is not allowed: the page's security policy blocks the styles it needs; write the separator row with dashes only",
          );
        }
        return;
      case "footnoteReference":
      case "footnoteDefinition":
        refuse(
          'footnotes ([^1]) are not used on this site; cite evidence with <Cite id="..." /> instead',
        );
        return;
      case "code":
        if (node.lang) {
          refuse(
            `the code block's language ("${node.lang}") is not allowed; write the fence as \`\`\` with nothing after it`,
          );
        }
        return;
      case "listItem":
        if (typeof node.checked === "boolean") {
          refuse("task-list boxes ([ ] and [x]) are not allowed; write a plain list item");
        }
        return;
      case "imageReference":
        refuse(
          "images written as references (![text][name]) are not allowed; write ![description](/file.png) with a path starting with /",
        );
        return;
      case "link":
      case "definition": {
        const wordsProblem =
          node.type === "link" ? linkWordsProblem(toText(node), node.url) : undefined;
        if (unsafeUrl(node.url)) {
          refuse(
            `the link address "${node.url}" is not allowed; links to other sites start with https://, http:// or mailto:`,
          );
        } else if (!/^(?:https?:\/\/|mailto:)/i.test(node.url.trim())) {
          refuse(
            `the link address "${node.url}" points within this site, where the check cannot tell whether it opens anything; link a claim with <ClaimLink id="...">words</ClaimLink> and one of the site's pages with <PageLink to="methodology">words</PageLink>, which the check verifies, or give another site's full https:// address`,
          );
        } else if (wordsProblem) {
          refuse(wordsProblem);
        } else if (/^mailto:[^?]*[?,;]/i.test(node.url.trim())) {
          refuse(
            `the mail link "${node.url}" adds to the message (other recipients, copies, a subject or text); a mail link holds one address only: mailto:name@example.org`,
          );
        } else if (node.title) {
          refuse(
            `the link has a title ("${node.title}"), which shows on hover and can name another address than the link opens; remove it: the link's words say where it goes`,
          );
        } else if (isDeceptiveAddress(node.url)) {
          refuse(
            `the link address "${node.url}" has a user name before the site's name, a space, a site name in another script, or no public site name (an IP address or localhost); write the publisher's plain address`,
          );
        }
        return;
      }
      case "image":
        refuse(
          `the image "${node.url}" is not allowed: pages carry no images from content; describe what it shows in words and cite where it appears`,
        );
        return;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement": {
        const name = node.name;
        if (name === null) {
          refuse("<> fragments are not allowed; remove the <> and </>");
          return;
        }
        if (/^[A-Z]/.test(name) || name.includes(".")) {
          const value = checkComponent(name, node, components, refuse);
          if (value === undefined) return;
          if (name === "RatingLabel") ratingLabels.push({ of: value, line });
          else (name === "Cite" ? cites : claimLinks).push({ id: value, line });
          return;
        }
        const component = misspeltComponent(name);
        if (component) {
          refuse(
            `<${name}> is not the <${component}> component (component names start with a capital letter); did you mean <${component}>? Fix the spelling`,
          );
          // Counted as the citation it was meant to be, so the citation it
          // names is not also reported as never cited.
          const id = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "id");
          if (component === "Cite" && typeof id?.value === "string") {
            cites.push({ id: id.value, line });
          }
          return;
        }
        const tag = name;
        if (tag.toLowerCase() === "script") {
          refuse(
            "<script> is not allowed: content must never run scripts in readers' browsers; remove it",
          );
          return;
        }
        if (EMBEDS.has(tag.toLowerCase())) {
          refuse(
            `<${tag}> embeds another page or media and is not allowed; link to it instead: [description](https://...)`,
          );
          return;
        }
        if (!ALLOWED_TAGS.includes(tag)) {
          refuse(
            `raw HTML <${tag}> is not allowed; use Markdown instead (the HTML tags allowed are, in lower case: ${ALLOWED_TAGS.join(", ")})`,
          );
          return;
        }
        checkHtmlAttributes(tag, node.attributes, refuse);
        return;
      }
    }
  });
  uncited.push(...uncitedBlocks(tree));
  return {
    findings,
    cites,
    claimLinks,
    uncited,
    headings,
    ratingLabels,
    handwrittenLabels: handwrittenLabels(tree),
    parsed: true,
  };
}

type Attribute = MdxJsxAttributeUnion;

/**
 * The parser's complaint, in the editor's terms where we know them: braces
 * are code in MDX (text inside them is read as JavaScript), and an HTML
 * comment is not MDX.
 */
function invalidMdx(why: string): string {
  if (/^Could not parse expression|in expression/.test(why)) {
    return "has braces { }, which MDX reads as code, and what is inside them is not even valid code; write the text without braces (use round brackets), or write a literal brace as &#123;";
  }
  if (why.includes("to create a comment in MDX")) {
    return "has an HTML comment (<!-- -->), which MDX does not allow; write a note to editors as {/* note */}, or delete it";
  }
  return `is not valid MDX (${why}); check the tags, braces and quotes on that line, or write a literal < or { as &lt; or &#123;`;
}

/** The component a tag name means when only its capitals are wrong (`<cite>` for `<Cite>`). */
const misspeltComponent = (name: string) =>
  Object.keys(MDX_COMPONENTS).find(
    (known) => known !== name && known.toLowerCase() === name.toLowerCase(),
  );

const TOO_DEEP = `is nested too deeply to read (lists, quotes or tags inside each other more than ${MAX_NESTING} levels); flatten it`;

/** A sentence that sends readers to one of these pages must link it. */
const PAGE_MENTION = /\b(methodology|corrections) page\b/gi;

/** Inline tags and components that must stay inside a sentence. */
const isJsx = (node: MdastNode) =>
  node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
const LINK_COMPONENTS: readonly (string | undefined)[] = ["ClaimLink", "PageLink", "Cite"];
const isLink = (node: MdastNode) =>
  node.type === "link" ||
  node.type === "linkReference" ||
  (isJsx(node) && LINK_COMPONENTS.includes((node as { name?: string }).name));

/**
 * What would make the page's HTML invalid or deceptive even from allowed
 * pieces: a link inside a link, an inline tag used as a block, a tag nested
 * in itself (fine print inside fine print), <br> with content, nesting
 * beyond any real page, and characters a reader cannot see.
 */
function structureFindings(tree: MdastNode): MdxFinding[] {
  const findings: MdxFinding[] = [];
  let breaks = 0;
  const walk = (node: MdastNode, ancestors: readonly MdastNode[]) => {
    const line = node.position?.start.line;
    const refuse = (message: string) => findings.push({ line, message });
    const name = isJsx(node) ? ((node as { name?: string | null }).name ?? "") : "";
    if (ancestors.length > MAX_NESTING * 3) {
      refuse(TOO_DEEP);
      return;
    }
    // Reported once, where tags are checked.
    if (misspeltComponent(name)) return;
    if (isLink(node) && ancestors.some(isLink)) {
      refuse(
        "a link is inside another link (a <Cite>, <ClaimLink> or [text](address) within one); move it out",
      );
    }
    // The compiler ends the paragraph before a tag that starts a later line
    // of it, though the parser reads it as part of the sentence: the words
    // split in two. A tag that opens the paragraph (<RatingLabel />) stays in it.
    const opening = ancestors.at(-1)?.position?.start.line;
    if (
      node.type === "mdxJsxTextElement" &&
      node.position?.start.column === 1 &&
      opening !== undefined &&
      node.position.start.line > opening
    ) {
      refuse(
        `<${name}> starts a line, which splits its sentence into two paragraphs on the page; join it to the end of the line before`,
      );
    }
    if (node.type === "text") {
      const word = mixedScriptWord(node.value);
      if (word) {
        refuse(
          `"${word}" mixes Latin letters with look-alikes from another alphabet (Cyrillic, Greek, Armenian...) or phonetic small capitals, which no reader can see and no check can read; retype the word in plain Latin letters`,
        );
      }
    }
    if (node.type === "text" && !ancestors.some(isLink)) {
      for (const [mention, page = ""] of node.value.matchAll(PAGE_MENTION)) {
        refuse(
          `"${mention}" sends readers to a page without a link to it; write <PageLink to="${page.toLowerCase()}">${mention}</PageLink>`,
        );
      }
    }
    // Other tags are refused outright, above; an allowed one must be inline.
    if (
      node.type === "mdxJsxFlowElement" &&
      (ALLOWED_TAGS.includes(name) || Object.hasOwn(MDX_COMPONENTS, name))
    ) {
      refuse(
        `<${name}> stands on a line of its own, which makes it a block and breaks the page; keep it inside a sentence`,
      );
    }
    if (
      name &&
      ALLOWED_TAGS.includes(name) &&
      ancestors.some((a) => isJsx(a) && (a as { name?: string }).name === name)
    ) {
      refuse(`<${name}> is inside another <${name}>; use it once`);
    }
    if (name === "br" && "children" in node && (node.children as MdastNode[]).length > 0) {
      refuse("<br> cannot hold text; write <br /> on its own");
    }
    if ((name === "br" || node.type === "break") && (breaks += 1) === MAX_BREAKS + 1) {
      refuse(`more than ${MAX_BREAKS} <br /> in one file; use paragraphs instead`);
    }
    if (
      (name === "ClaimLink" ||
        name === "PageLink" ||
        node.type === "link" ||
        node.type === "linkReference") &&
      !hasVisibleWords(toText(node))
    ) {
      refuse(
        "a link has no words a reader can see; write the words it stands for between its brackets or tags",
      );
    }
    // Marks split by tags or entities are adjacent once the text is joined.
    if (
      (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") &&
      HIDDEN_CHARACTERS.test(toText(node).normalize("NFC"))
    ) {
      refuse(
        "holds hidden characters or marks stacked on one letter once its parts are joined; retype the text",
      );
    }
    const hidden = visibleText(node).match(HIDDEN_CHARACTERS);
    if (hidden) {
      refuse(
        `holds a hidden or overlaying character (${codePointName(hidden[0])}), perhaps written as an &#...; reference; it can hide, reorder or cover text for readers, so delete it`,
      );
    }
    const depth = ancestors.filter(
      (a) => a.type === "blockquote" || a.type === "list" || isJsx(a),
    ).length;
    if (depth > MAX_NESTING) {
      refuse(TOO_DEEP);
      return;
    }
    for (const child of "children" in node ? (node.children as MdastNode[]) : []) {
      walk(child, [...ancestors, node]);
    }
  };
  walk(tree, []);
  return findings;
}

/** The text a node itself carries: its value, address, title, alt text and attribute values. */
function visibleText(node: MdastNode): string {
  const parts: unknown[] = [];
  const record = node as unknown as Record<string, unknown>;
  for (const key of ["value", "url", "title", "alt"]) parts.push(record[key]);
  for (const attribute of (record["attributes"] as { value?: unknown }[] | undefined) ?? []) {
    parts.push(typeof attribute.value === "string" ? attribute.value : "");
  }
  return parts.filter((part): part is string => typeof part === "string").join(" ");
}

/**
 * The sections of a claim that report evidence, where every paragraph and
 * list item must cite it. "The claim in context" describes the story itself
 * (the page's subject), and "What we could not confirm" and "Why these
 * ratings" hold our reasoning, so they need not.
 */
export const EVIDENCE_SECTIONS: readonly string[] = ["What the evidence shows", "What came after"];

/** Whether a node holds a use of the named component anywhere inside it. */
function containsComponent(node: MdastNode, name: MdxComponentName): boolean {
  let found = false;
  visit(node, (child) => {
    if (isJsx(child) && (child as { name?: string | null }).name === name) found = true;
  });
  return found;
}

/** A paragraph that only labels what follows ("**Before the story.**") or points to another check. */
function isSignpost(node: MdastNode): boolean {
  const children = "children" in node ? (node.children as MdastNode[]) : [];
  const onlyLabel = children.every(
    (child) => child.type === "strong" || (child.type === "text" && child.value.trim() === ""),
  );
  const introducesList = toText(node).endsWith(":");
  return containsComponent(node, "ClaimLink") || onlyLabel || introducesList;
}

const hasCite = (node: MdastNode) => containsComponent(node, "Cite");

function uncitedBlocks(tree: MdastNode): MdxScan["uncited"] {
  const blocks: MdxScan["uncited"] = [];
  let section: string | undefined;
  for (const node of "children" in tree ? (tree.children as MdastNode[]) : []) {
    if (node.type === "heading" && node.depth === 2) {
      const title = toText(node);
      section = EVIDENCE_SECTIONS.includes(title) ? title : undefined;
      continue;
    }
    if (!section) continue;
    const items =
      node.type === "list"
        ? (node.children as MdastNode[])
        : node.type === "paragraph"
          ? [node]
          : [];
    for (const item of items) {
      // A synthesis ("None of these shows...") states no new fact; a quotation
      // or a number or date does, and must say where it comes from.
      if (!hasCite(item) && !isSignpost(item) && statesAFact(toText(item))) {
        blocks.push({ section, line: item.position?.start.line });
      }
    }
  }
  return blocks;
}

/** The section whose paragraphs explain the ratings. */
export const RATINGS_SECTION = "Why these ratings";

/**
 * A rating typed by hand, which can go stale when the rating changes and
 * can contradict the real one beside it: emphasised text in "Why these
 * ratings" (Markdown or an HTML tag) that ends in a rating's label, such as
 * **Verdict: Unproven.**, and anywhere on the page a rating's question
 * followed by a rating ("Is it true? Accurate"), which reads as the site's
 * own badge. <RatingLabel of="verdict" /> shows the frontmatter's.
 */
function handwrittenLabels(tree: MdastNode): (number | undefined)[] {
  const labels = RATING_KEYS.map((key) => getRating(key).label.toLowerCase());
  const lines: (number | undefined)[] = [];
  visit(tree, (node) => {
    const block = node.type === "paragraph" || node.type === "heading" || node.type === "tableRow";
    // A table row reads across its cells: "| Is it true? | Accurate |".
    if (block && typesRating(cellsText(node))) lines.push(node.position?.start.line);
  });
  let inSection = false;
  for (const node of "children" in tree ? (tree.children as MdastNode[]) : []) {
    if (node.type === "heading") {
      if (node.depth <= 2) inSection = toText(node) === RATINGS_SECTION;
      continue;
    }
    if (!inSection) continue;
    const stack: MdastNode[] = [node];
    for (let next = stack.pop(); next; next = stack.pop()) {
      // Bold or italic in Markdown, or an inline HTML tag (<strong>, <b>, <em>…).
      const emphasis =
        next.type === "strong" ||
        next.type === "emphasis" ||
        (isJsx(next) && (next as { name?: string }).name !== "RatingLabel");
      if (emphasis) {
        const text = toText(next).trim().replace(/[.:]$/, "").toLowerCase();
        if (labels.some((label) => text.endsWith(label))) lines.push(next.position?.start.line);
        continue;
      }
      if ("children" in next) stack.push(...(next.children as MdastNode[]));
    }
  }
  return [...new Set(lines)];
}

/** How deeply a tree nests, counted with a stack rather than recursion. */
function maxDepth(tree: MdastNode): number {
  let deepest = 0;
  const stack: [MdastNode, number][] = [[tree, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const child of "children" in node ? (node.children as MdastNode[]) : []) {
      stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** Whether text quotes someone or gives a number or a date. */
function statesAFact(text: string): boolean {
  return /["“”]|\d/.test(text);
}

/**
 * What is wrong with a link's words for where it leads: words that name
 * another site than it opens, or words that look like a citation marker
 * ([1b]) on a link that is no citation. Undefined when nothing is.
 */
function linkWordsProblem(words: string, url: string): string | undefined {
  const named = namesOtherSite(words, url);
  if (named) {
    return `the link's words name ${named}, but it opens "${url}"; readers trust the words, so link the address they name, or describe the page in words`;
  }
  if (/^\s*\[?\s*\d+[a-z]?\s*\]?\s*$/i.test(words)) {
    return `the link's words ("${words.trim()}") look like a citation marker, but it opens "${url}"; cite with <Cite id="..." />, which numbers itself, and give a link words of its own`;
  }
  return undefined;
}

/** A block's text, a table row's cells joined by a space. */
function cellsText(node: MdastNode): string {
  return node.type === "tableRow" && "children" in node
    ? (node.children as MdastNode[]).map(toText).join(" ")
    : toText(node);
}

function toText(node: MdastNode): string {
  let text = "";
  visit(node, (child) => {
    if (child.type === "text" || child.type === "inlineCode") text += child.value;
  });
  return text.trim();
}

/**
 * Whether an expression's source is nothing but JavaScript comments and
 * white space, read left to right as JavaScript does (a line comment ends
 * at the line's end, so a "/*" inside it opens nothing).
 */
export function isOnlyComments(source: string): boolean {
  const lineEnd = /[\n\r\u2028\u2029]/g;
  let index = 0;
  while (index < source.length) {
    if (/\s/.test(source.charAt(index))) {
      index += 1;
    } else if (source.startsWith("/*", index)) {
      const end = source.indexOf("*/", index + 2);
      if (end === -1) return false;
      index = end + 2;
    } else if (source.startsWith("//", index)) {
      lineEnd.lastIndex = index;
      index = lineEnd.exec(source) ? lineEnd.lastIndex : source.length;
    } else {
      return false;
    }
  }
  return true;
}

function checkHtmlAttributes(
  tag: string,
  attributes: Attribute[],
  refuse: (message: string) => void,
): void {
  const names = attributes.flatMap((attribute) =>
    attribute.type === "mdxJsxAttribute" ? [attribute.name] : [],
  );
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) refuse(`<${tag}> has the attribute ${repeated} twice; keep one`);
  if (tag === "time" && !names.includes("datetime")) {
    refuse('<time> needs a datetime, e.g. <time datetime="2017-11-30">30 November 2017</time>');
  }
  for (const attribute of attributes) {
    if (attribute.type === "mdxJsxExpressionAttribute") {
      refuse(`{${attribute.value}} in <${tag}> is code and is not allowed; remove it`);
      continue;
    }
    const name = attribute.name;
    if (/^on/i.test(name)) {
      refuse(
        `the inline event handler ${name} on <${tag}> runs a script and is not allowed; remove it`,
      );
      continue;
    }
    if (typeof attribute.value !== "string" && attribute.value !== null) {
      refuse(`${name}={...} on <${tag}> is code and is not allowed; write the value in quotes`);
      continue;
    }
    if (
      URL_ATTRIBUTES.has(name.toLowerCase()) &&
      typeof attribute.value === "string" &&
      unsafeUrl(attribute.value)
    ) {
      refuse(
        `${name}="${attribute.value}" on <${tag}> is not an allowed address; use https://, http:// or /`,
      );
      continue;
    }
    if (!ALLOWED_ATTRIBUTES.includes(name)) {
      refuse(
        `the attribute ${name} is not allowed on <${tag}>; allowed attributes are: ${ALLOWED_ATTRIBUTES.join(", ")}`,
      );
      continue;
    }
    if (
      name === "title" &&
      typeof attribute.value === "string" &&
      LOOKS_LIKE_ADDRESS.test(attribute.value)
    ) {
      refuse(
        `title="${attribute.value}" on <${tag}> shows an address on hover; a title must not name an address, so reword it`,
      );
      continue;
    }
    const rule = Object.hasOwn(ATTRIBUTE_VALUES, name) ? ATTRIBUTE_VALUES[name] : undefined;
    if (rule && !(typeof attribute.value === "string" && rule.valid(attribute.value))) {
      refuse(
        `${name}="${String(attribute.value)}" on <${tag}> is not ${rule.expected}; correct it`,
      );
    }
  }
}

function checkComponent(
  name: string,
  node: MdastNode & { attributes: Attribute[] },
  components: readonly MdxComponentName[],
  refuse: (message: string) => void,
): string | undefined {
  const { attributes } = node;
  if (!(components as readonly string[]).includes(name)) {
    refuse(
      `<${name}> is not a component this page can use; use ${components.length ? `one of: ${components.map((c) => `<${c}>`).join(", ")}` : "Markdown only"}`,
    );
    return undefined;
  }
  const spec: MdxComponentSpec = MDX_COMPONENTS[name as MdxComponentName];
  const received = new Map<string, string>();
  for (const attribute of attributes) {
    if (attribute.type === "mdxJsxExpressionAttribute") {
      refuse(
        `<${name} {${attribute.value}}> spreads code into props and is not allowed; write each prop as name="value"`,
      );
      continue;
    }
    const prop = Object.hasOwn(spec.props, attribute.name) ? spec.props[attribute.name] : undefined;
    if (!prop) {
      refuse(
        `<${name}> has no prop "${attribute.name}"; it accepts: ${Object.keys(spec.props).join(", ")}`,
      );
      continue;
    }
    if (typeof attribute.value !== "string") {
      const got =
        attribute.value === null || attribute.value === undefined
          ? "no value"
          : `{${attribute.value.value}}`;
      refuse(`<${name} ${attribute.name}> received ${got}; expected ${prop.expected}`);
      continue;
    }
    if (prop.oneOf && !prop.oneOf.includes(attribute.value)) {
      refuse(
        `<${name} ${attribute.name}="${attribute.value}"> names nothing we have; expected ${prop.expected}`,
      );
      continue;
    }
    received.set(attribute.name, attribute.value);
  }
  if (spec.selfClosing && "children" in node && (node.children as MdastNode[]).length > 0) {
    const words = toText(node);
    refuse(
      `<${name}> shows only itself, so what is written inside it ${words ? `("${shorten(words, 60)}") ` : ""}would vanish from the page; close it at once (<${name} ... />) and keep the words outside it`,
    );
  }
  for (const [prop, { required, expected }] of Object.entries(spec.props)) {
    if (
      required &&
      !received.has(prop) &&
      !attributes.some((a) => a.type === "mdxJsxAttribute" && a.name === prop)
    ) {
      refuse(`<${name}> is missing the prop ${prop}; expected ${expected}`);
    }
  }
  // The value the checks that follow need: a citation's or claim's id, a rating's name.
  return received.get(name === "RatingLabel" ? "of" : "id");
}
