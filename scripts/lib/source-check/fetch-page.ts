/**
 * The real `FetchPage`: one polite GET with `fetch`, following redirects,
 * reading at most a few megabytes and decoding the text in the page's own
 * character set. The check adds the timeout (through `signal`) and the retry.
 */
import { describeError } from "./check.ts";
import type { FetchPage, PageResult } from "./types.ts";

export const DEFAULT_USER_AGENT =
  "DJIClaimsCheck-SourceCheck/1.0 (weekly check that the sources a fact-check cites still open)";

/** The User-Agent, naming the repository to contact when it is known. */
export function userAgent(repositoryUrl?: string): string {
  return repositoryUrl
    ? DEFAULT_USER_AGENT.replace("(", `(+${repositoryUrl}; `)
    : DEFAULT_USER_AGENT;
}

export interface FetchPageOptions {
  /** Sent as User-Agent, so site owners can see who is asking and why. */
  readonly userAgent?: string;
  /** The fetch to use; the global one by default. */
  readonly fetch?: typeof globalThis.fetch;
  /** Bytes of body to read at most; the rest is not downloaded. Default 8 MiB. */
  readonly maxBytes?: number;
}

export function createFetchPage(options: FetchPageOptions = {}): FetchPage {
  const doFetch = options.fetch ?? globalThis.fetch;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;

  return async (url, init = {}): Promise<PageResult> => {
    try {
      const response = await doFetch(url, {
        redirect: "follow",
        headers: {
          "User-Agent": userAgent,
          Accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
          "Accept-Language": "en",
        },
        ...(init.signal ? { signal: init.signal } : {}),
      });
      const contentType = response.headers.get("content-type") ?? undefined;
      const bytes = await readAtMost(response, maxBytes);
      return {
        status: response.status,
        finalUrl: response.url || url,
        body: decode(bytes, contentType),
        contentType,
      };
    } catch (error) {
      if (init.signal?.aborted) return { error: describeError(init.signal.reason) };
      return { error: describeError(error) };
    }
  };
}

async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
  }
  if (total >= maxBytes) await reader.cancel().catch(() => undefined);
  const bytes = new Uint8Array(Math.min(total, maxBytes));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** Decodes in the charset the header or the page's <meta> names; UTF-8 otherwise. */
export function decode(bytes: Uint8Array, contentType: string | undefined): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const label =
    /charset=["']?([\w-]+)/i.exec(contentType ?? "")?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ??
    "utf-8";
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}
