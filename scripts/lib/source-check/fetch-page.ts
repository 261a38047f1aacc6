/**
 * The real `FetchPage`: one polite GET with `fetch`, following redirects one
 * hop at a time, reading at most a few megabytes and decoding the text in the
 * page's own character set. An address in content is untrusted: before each
 * hop the host is resolved, and a private, loopback or link-local address is
 * refused, so a source (or a redirect from one) cannot make the weekly job
 * reach into the machine or network it runs on. The check adds the timeout
 * (through `signal`) and the retry.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
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
  /** Resolves a host name to its addresses; DNS by default. */
  readonly lookup?: (host: string) => Promise<string[]>;
}

/** Redirects followed at most, as browsers roughly do. */
const MAX_REDIRECTS = 10;

/** Addresses no source may point at: this machine, its networks, and their kin. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address is one a public web page cannot have. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

const resolveAll = async (host: string) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map(({ address }) => address);

/** Why an address may not be fetched, or undefined when it may. */
async function refusal(
  url: string,
  lookup: (host: string) => Promise<string[]>,
): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${url} is not a valid address`;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return `refused ${parsed.protocol} (only http and https are fetched)`;
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : await lookup(host);
  const inside = addresses.find(isPrivateAddress);
  return inside === undefined
    ? undefined
    : `refused: ${host} resolves to ${inside}, a private, loopback or link-local address`;
}

export function createFetchPage(options: FetchPageOptions = {}): FetchPage {
  const doFetch = options.fetch ?? globalThis.fetch;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;

  const lookup = options.lookup ?? resolveAll;

  return async (url, init = {}): Promise<PageResult> => {
    try {
      let current = url;
      for (let hop = 0; ; hop += 1) {
        const refused = await refusal(current, lookup);
        if (refused) return { error: refused };
        const response = await doFetch(current, {
          redirect: "manual",
          headers: {
            "User-Agent": userAgent,
            Accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
            "Accept-Language": "en",
          },
          ...(init.signal ? { signal: init.signal } : {}),
        });
        const location = response.headers.get("location");
        if (response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel().catch(() => undefined);
          if (hop >= MAX_REDIRECTS) return { error: `more than ${MAX_REDIRECTS} redirects` };
          current = new URL(location, current).href;
          continue;
        }
        const contentType = response.headers.get("content-type") ?? undefined;
        const bytes = await readAtMost(response, maxBytes);
        return {
          status: response.status,
          finalUrl: current,
          body: decode(bytes, contentType),
          contentType,
        };
      }
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
