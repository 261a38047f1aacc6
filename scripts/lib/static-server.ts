/**
 * A tiny static file server for a built site, behaving like GitHub Pages, the
 * host the deploy workflow publishes to: folder addresses serve their
 * index.html, a folder without its trailing slash is redirected to it, unknown
 * paths get 404.html with status 404, text is gzipped when the client accepts
 * it, and pages are cached for ten minutes. Without compression and caching,
 * Lighthouse would score the local server rather than the site. Like GitHub
 * Pages, it ignores dist/_headers by default (the pages carry their own
 * Content-Security-Policy meta tag); with `headers: true` it sends them as
 * Netlify does, read with Netlify's own parser, so the browser tests can try
 * the site under the headers such hosts send.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { createGzip } from "node:zlib";
import { parseAllHeaders, type Header } from "@netlify/headers-parser";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
};

/** Types worth compressing; fonts and images are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json|wasm)|image\/svg)/;

export interface StaticServer {
  /** The server's base address, ending in "/". */
  readonly url: string;
  close(): Promise<void>;
}

/** Resolves a request path to a file under `root`, or a redirect, or nothing. */
export function resolveRequest(
  root: string,
  pathname: string,
): { file: string } | { redirect: string } | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const path = normalize(join(root, decoded));
  // normalize() folds "..", so anything outside root was an escape attempt.
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  if (!existsSync(path)) return undefined;
  if (statSync(path).isDirectory()) {
    if (!pathname.endsWith("/")) return { redirect: `${pathname}/` };
    const index = join(path, "index.html");
    return existsSync(index) ? { file: index } : undefined;
  }
  return { file: path };
}

/** The headers Netlify sends for a path: every matching rule, later rules winning. */
function headersFor(rules: readonly Header[], pathname: string): Record<string, string> {
  return Object.assign(
    {},
    ...rules.filter(({ forRegExp }) => forRegExp.test(pathname)).map(({ values }) => values),
  ) as Record<string, string>;
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  status: number,
  pathname: string,
  extra: Record<string, string>,
): void {
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  const gzip =
    COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  response.writeHead(status, {
    "Content-Type": type,
    // Astro fingerprints everything under /_astro/, so it can be cached for
    // good; pages get GitHub Pages' ten minutes.
    "Cache-Control": pathname.startsWith("/_astro/")
      ? "public, max-age=31536000, immutable"
      : "public, max-age=600",
    Vary: "Accept-Encoding",
    ...extra,
    ...(gzip ? { "Content-Encoding": "gzip" } : { "Content-Length": statSync(file).size }),
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  const stream = createReadStream(file);
  if (gzip) stream.pipe(createGzip()).pipe(response);
  else stream.pipe(response);
}

export interface ServeOptions {
  /** Send the headers in `root/_headers`, as Netlify would. Default false. */
  readonly headers?: boolean;
}

/** Serves `root` on 127.0.0.1 at `port` (0: any free port) until closed. */
export async function serveStatic(
  root: string,
  port = 0,
  options: ServeOptions = {},
): Promise<StaticServer> {
  let rules: Header[] = [];
  if (options.headers) {
    const parsed = await parseAllHeaders({
      headersFiles: [join(root, "_headers")],
      configHeaders: [],
      minimal: false,
    });
    if (parsed.errors.length > 0) {
      throw new Error(`${join(root, "_headers")}: ${parsed.errors.map(String).join("; ")}`);
    }
    rules = parsed.headers as Header[];
  }
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const resolved = resolveRequest(root, pathname);
    const extra = headersFor(rules, pathname);
    if (resolved && "redirect" in resolved) {
      response.writeHead(301, { Location: resolved.redirect }).end();
    } else if (resolved) {
      send(request, response, resolved.file, 200, pathname, extra);
    } else {
      const notFound = join(root, "404.html");
      if (existsSync(notFound)) send(request, response, notFound, 404, pathname, extra);
      else response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
