/**
 * The Content-Security-Policy and other security headers. Pages load only
 * their own files; the search page may also compile Pagefind's WebAssembly.
 * The same policy goes into a <meta> tag (for hosts that cannot set headers)
 * and into the _headers file (for hosts that can, adding what meta cannot).
 */

export type PolicyKind = "page" | "search";

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

export function contentSecurityPolicy(kind: PolicyKind, { forHeader = false } = {}): string {
  const directives = structuredClone(DIRECTIVES);
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

/** A `_headers` file (Netlify, Cloudflare Pages) for a site served under `base`. */
export function headersFile(base: string): string {
  const block = (path: string, kind: PolicyKind) =>
    [
      path,
      `  Content-Security-Policy: ${contentSecurityPolicy(kind, { forHeader: true })}`,
      ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
    ].join("\n");
  return `${block(`${base}*`, "page")}\n\n${block(`${base}search/*`, "search")}\n`;
}
