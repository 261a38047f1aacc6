/**
 * The Content-Security-Policy and other security headers. Pages load only
 * their own files; the search page may also compile Pagefind's WebAssembly.
 * The same policy goes into a <meta> tag (for hosts that cannot set headers)
 * and into the _headers file (for hosts that can, adding what meta cannot).
 */

export type PolicyKind = "page" | "search" | "pagefind";

const DIRECTIVES: Record<string, string[]> = {
  "default-src": ["'none'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "manifest-src": ["'self'"],
  "base-uri": ["'none'"],
  "form-action": ["'self'"],
};

/**
 * Pagefind's own files: its worker compiles the index's WebAssembly and
 * fetches index chunks. A worker is governed by the policy sent with its own
 * script, so /pagefind/ needs this; it needs nothing else.
 */
const PAGEFIND_DIRECTIVES: Record<string, string[]> = {
  "default-src": ["'none'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "connect-src": ["'self'"],
};

export function contentSecurityPolicy(kind: PolicyKind, { forHeader = false } = {}): string {
  const directives = structuredClone(kind === "pagefind" ? PAGEFIND_DIRECTIVES : DIRECTIVES);
  // Pagefind's search index is WebAssembly; nothing else needs it.
  if (kind === "search") directives["script-src"]?.push("'wasm-unsafe-eval'");
  // These two are ignored (with a console error) when set through <meta>.
  if (forHeader) {
    directives["frame-ancestors"] = ["'none'"];
    directives["upgrade-insecure-requests"] = [];
  }
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");
}

export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
};

/** The top-level folders that get their own policy rather than the page policy. */
const OWN_POLICY: Readonly<Record<string, PolicyKind>> = { search: "search", pagefind: "pagefind" };

/**
 * A `_headers` file (Netlify, Cloudflare Pages) for a site served under
 * `base`, given the names at the top of the built site. Hosts differ when
 * several rules set one header (Netlify keeps the last, Cloudflare joins them
 * into two policies that both apply), so no path matches two
 * Content-Security-Policy rules: each top-level file and folder gets exactly
 * one. The shared headers sit in one catch-all rule.
 */
export function headersFile(
  base: string,
  topLevel: readonly { name: string; folder: boolean }[],
): string {
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join("\n");
  const policy = (kind: PolicyKind) => ({
    "Content-Security-Policy": contentSecurityPolicy(kind, { forHeader: true }),
  });
  const rules = [
    block(`${base}*`, { ...SECURITY_HEADERS, "X-Frame-Options": "DENY" }),
    block(base, policy("page")),
    ...[...topLevel]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(({ name, folder }) =>
        block(folder ? `${base}${name}/*` : `${base}${name}`, policy(OWN_POLICY[name] ?? "page")),
      ),
  ];
  return `${rules.join("\n\n")}\n`;
}
