/**
 * MDX is code: a pull request could otherwise run scripts in readers' browsers
 * or on the build machine. This parses each body with the MDX parser itself
 * and refuses, with the line, everything outside a small allow-list: imports
 * and exports, {expressions}, <script>, inline event handlers, unsafe URLs,
 * embeds, remote images, raw HTML tags, and unknown or misused components.
 */
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { mdxFromMarkdown } from "mdast-util-mdx";
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from "mdast-util-mdx-jsx";
import { mdxjs } from "micromark-extension-mdxjs";
import { visit } from "unist-util-visit";

/** A component an MDX file may use, with the props it accepts (all strings). */
export interface MdxComponentSpec {
  readonly props: Readonly<Record<string, { required: boolean; expected: string }>>;
}

/** The site's MDX components. The layouts provide them, so nothing is imported. */
export const MDX_COMPONENTS = {
  Cite: {
    props: {
      id: {
        required: true,
        expected: 'the id of one of this claim\'s citations, e.g. id="bulletin-assessment"',
      },
    },
  },
  ClaimLink: {
    props: {
      id: {
        required: true,
        expected: 'the file name of a published claim, e.g. id="story-opinion-absurd"',
      },
    },
  },
} as const satisfies Record<string, MdxComponentSpec>;

export type MdxComponentName = keyof typeof MDX_COMPONENTS;

/** Inline HTML an editor may use for typography; everything else is Markdown. */
const ALLOWED_TAGS = [
  "abbr",
  "br",
  "cite",
  "del",
  "em",
  "ins",
  "kbd",
  "mark",
  "q",
  "s",
  "small",
  "strong",
  "sub",
  "sup",
  "time",
];
const ALLOWED_ATTRIBUTES = ["title", "datetime", "lang", "cite"];
const URL_ATTRIBUTES = new Set(["href", "src", "cite", "action", "formaction", "poster"]);
const EMBEDS = new Set([
  "iframe",
  "frame",
  "frameset",
  "embed",
  "object",
  "portal",
  "video",
  "audio",
  "source",
  "track",
  "applet",
]);
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
  /** False when the body is not valid MDX, so nothing else could be read. */
  readonly parsed: boolean;
}

function unsafeUrl(url: string): boolean {
  // Browsers ignore control characters and spaces in a scheme; so must we.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const bare = url.replace(/[\u0000-\u0020]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1]?.toLowerCase();
  return scheme !== undefined && !["http", "https", "mailto"].includes(scheme);
}

const isRemote = (url: string) => /^(?:https?:)?\/\//i.test(url.trim());

export function scanMdx(body: string, components: readonly MdxComponentName[]): MdxScan {
  const findings: MdxFinding[] = [];
  const cites: MdxScan["cites"] = [];
  const claimLinks: MdxScan["claimLinks"] = [];
  let tree: Nodes;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  } catch (error) {
    const { line, reason } = error as { line?: number; reason?: string };
    // The parser's own positions count from the body, not the file: drop them.
    const why = (reason ?? String(error)).replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, "");
    findings.push({
      line,
      message: `is not valid MDX (${why}); check the tags, braces and quotes on that line, or write a literal < or { as &lt; or &#123;`,
    });
    return { findings, cites, claimLinks, parsed: false };
  }
  const allowedComponents = components.join(", ") || "none in this kind of page";

  visit(tree, (node) => {
    const line = node.position?.start.line;
    const refuse = (message: string) => findings.push({ line, message });
    switch (node.type) {
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
        const program = node.data?.estree;
        if (program && program.body.length === 0) return;
        refuse(
          `{${node.value}} is code that runs when the site is built and is not allowed; write the text out (a literal brace is &#123;)`,
        );
        return;
      }
      case "link":
      case "definition":
        if (unsafeUrl(node.url))
          refuse(
            `the link address "${node.url}" is not allowed; links must start with https://, http://, mailto: or /`,
          );
        return;
      case "image":
        if (unsafeUrl(node.url) || isRemote(node.url)) {
          refuse(
            `the image "${node.url}" is not allowed; images must be files in public/, linked with a path starting with /`,
          );
        }
        return;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement": {
        const name = node.name;
        if (name === null) {
          refuse("<> fragments are not allowed; remove the <> and </>");
          return;
        }
        if (/^[A-Z]/.test(name) || name.includes(".")) {
          const id = checkComponent(name, node.attributes, components, refuse);
          if (id !== undefined) (name === "Cite" ? cites : claimLinks).push({ id, line });
          return;
        }
        const tag = name.toLowerCase();
        if (tag === "script") {
          refuse(
            "<script> is not allowed: content must never run scripts in readers' browsers; remove it",
          );
          return;
        }
        if (EMBEDS.has(tag)) {
          refuse(
            `<${tag}> embeds another page or media and is not allowed; link to it instead: [description](https://...)`,
          );
          return;
        }
        if (!ALLOWED_TAGS.includes(tag)) {
          refuse(
            `raw HTML <${tag}> is not allowed; use Markdown instead (the HTML tags allowed are: ${ALLOWED_TAGS.join(", ")})`,
          );
          return;
        }
        checkHtmlAttributes(tag, node.attributes, refuse);
        return;
      }
    }
  });
  return { findings, cites, claimLinks, parsed: true };
}

type Attribute = MdxJsxAttribute | MdxJsxExpressionAttribute;

function checkHtmlAttributes(
  tag: string,
  attributes: Attribute[],
  refuse: (message: string) => void,
): void {
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
    }
  }
}

function checkComponent(
  name: string,
  attributes: Attribute[],
  components: readonly MdxComponentName[],
  refuse: (message: string) => void,
): string | undefined {
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
    const prop = spec.props[attribute.name];
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
    received.set(attribute.name, attribute.value);
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
  return received.get("id");
}
