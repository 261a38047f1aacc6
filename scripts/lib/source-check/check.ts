/**
 * The source-check check: does every source's address still open, and is every
 * cited passage still on the page it cites? Fetching is passed in, so the
 * check runs the same against the live web and against a test's fake.
 */
import { containsPassage, pageText } from "./normalise.ts";
import { runPool } from "./pool.ts";
import type {
  FetchPage,
  LoadedFile,
  MissingPassage,
  PageResult,
  SourceCheckReport,
  UncheckedCitation,
  UnreachableUrl,
  UrlField,
} from "./types.ts";

export interface CheckOptions {
  /** Requests at once, overall. Default 4. */
  readonly concurrency?: number;
  /** Requests at once to one host. Default 1. */
  readonly perHost?: number;
  /** How long one request may take before it counts as a network error. Default 20 000 ms. */
  readonly timeoutMs?: number;
  /** Pause before the one retry after a network error. Default 2 000 ms. */
  readonly retryDelayMs?: number;
  /** The clock, for the report's date. */
  readonly now?: () => Date;
}

export const DEFAULT_CHECK_OPTIONS = {
  concurrency: 4,
  perHost: 1,
  timeoutMs: 20_000,
  retryDelayMs: 2_000,
} as const;

interface Source {
  readonly id: string;
  readonly file: string;
  readonly url?: string | undefined;
  /** The copy we read, when it is not the original. */
  readonly "copy.url"?: string | undefined;
  readonly archiveUrl?: string | undefined;
  readonly lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

interface Citation {
  readonly claimFile: string;
  readonly claimId: string;
  readonly id: string;
  readonly source: string;
  readonly passage: string;
  readonly line?: number | undefined;
}

const URL_FIELDS: readonly UrlField[] = ["url", "copy.url", "archiveUrl"];

/** Checks every source address and every cited passage in the loaded content. */
export async function checkSources(
  files: readonly LoadedFile[],
  fetchPage: FetchPage,
  options: CheckOptions = {},
): Promise<SourceCheckReport> {
  const settings = { ...DEFAULT_CHECK_OPTIONS, ...options };
  const checkedAt = (options.now ?? (() => new Date()))().toISOString();
  const sources = readSources(files);
  const citations = readCitations(files);

  const urls = [
    ...new Set(
      [...sources.values()].flatMap((source) => URL_FIELDS.flatMap((field) => source[field] ?? [])),
    ),
  ];
  const fetched = await runPool(
    urls,
    hostOf,
    (url) => fetchWithRetry(fetchPage, url, settings.timeoutMs, settings.retryDelayMs),
    { concurrency: settings.concurrency, perKey: settings.perHost },
  );
  const pages = new Map(urls.map((url, index) => [url, fetched[index]]));
  const texts = new Map<string, string>();
  const textOf = (url: string, body: string): string => {
    let text = texts.get(url);
    if (text === undefined) {
      text = pageText(body);
      texts.set(url, text);
    }
    return text;
  };

  const unreachable: UnreachableUrl[] = [];
  for (const source of [...sources.values()].sort((a, b) => a.file.localeCompare(b.file))) {
    for (const field of URL_FIELDS) {
      const url = source[field];
      const page = url === undefined ? undefined : pages.get(url);
      if (url === undefined || page === undefined || isReachable(page)) continue;
      unreachable.push({
        sourceId: source.id,
        sourceFile: source.file,
        field,
        line: source.lineOf(field.split(".")),
        url,
        ...("error" in page ? { error: page.error } : { status: page.status }),
        sourceUrl: source.url,
        hasArchive: source.archiveUrl !== undefined,
        citedBy: [
          ...new Set(citations.filter((c) => c.source === source.id).map((c) => c.claimFile)),
        ],
      });
    }
  }

  const missingPassages: MissingPassage[] = [];
  const unchecked: UncheckedCitation[] = [];
  for (const citation of citations) {
    const where = {
      claimFile: citation.claimFile,
      citationId: citation.id,
      sourceId: citation.source,
    };
    const source = sources.get(citation.source);
    if (!source) {
      unchecked.push({
        ...where,
        reason: `there is no source file content/sources/${citation.source}.yaml`,
      });
      continue;
    }
    const copy = readableCopy(source, pages);
    if (!copy) {
      unchecked.push({ ...where, reason: "no address of the source opens (see above)" });
      continue;
    }
    const { field, url, page } = copy;
    if (!isText(page)) {
      unchecked.push({
        ...where,
        reason: `${url} is not a web page (${page.contentType ?? "PDF"}); check the passage by hand`,
      });
      continue;
    }
    if (containsPassage(textOf(url, page.body), citation.passage)) continue;

    let foundOnLivePage: boolean | undefined;
    if (field === "archiveUrl" && source.url !== undefined) {
      const live = asReachable(pages.get(source.url));
      if (live && isText(live)) {
        foundOnLivePage = containsPassage(textOf(source.url, live.body), citation.passage);
      }
    }
    missingPassages.push({
      claimFile: citation.claimFile,
      claimId: citation.claimId,
      citationId: citation.id,
      line: citation.line,
      sourceId: source.id,
      sourceFile: source.file,
      checkedField: field,
      checkedUrl: url,
      finalUrl: page.finalUrl !== url ? page.finalUrl : undefined,
      passage: citation.passage,
      foundOnLivePage,
    });
  }

  return {
    checkedAt,
    sourcesChecked: sources.size,
    urlsChecked: urls.length,
    citationsChecked: citations.length,
    unreachable,
    missingPassages,
    unchecked,
  };
}

type Response = Extract<PageResult, { status: number }>;

/** Whether the final answer was a 2xx or 3xx. */
export function isReachable(page: PageResult): boolean {
  return asReachable(page) !== undefined;
}

/** The response, when it is a 2xx or 3xx final answer. */
function asReachable(page: PageResult | undefined): Response | undefined {
  return page && "status" in page && page.status >= 200 && page.status < 400 ? page : undefined;
}

/**
 * The page to read passages from: the copy we read when the source records
 * one (the passages were copied from it), else the archived snapshot, else
 * the original, whichever opens first.
 */
function readableCopy(
  source: Source,
  pages: ReadonlyMap<string, PageResult | undefined>,
): { field: UrlField; url: string; page: Response } | undefined {
  for (const field of ["copy.url", "archiveUrl", "url"] as const) {
    const url = source[field];
    const page = asReachable(url === undefined ? undefined : pages.get(url));
    if (url !== undefined && page !== undefined) return { field, url, page };
  }
  return undefined;
}

const NOT_TEXT = /pdf|^image\/|^audio\/|^video\/|octet-stream|zip/i;

function isText(page: Response): boolean {
  if (page.contentType !== undefined && NOT_TEXT.test(page.contentType)) return false;
  return !page.body.startsWith("%PDF-");
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Fetches an address once more after a network error (a timeout counts as one). */
export async function fetchWithRetry(
  fetchPage: FetchPage,
  url: string,
  timeoutMs: number,
  retryDelayMs: number,
): Promise<PageResult> {
  const first = await fetchOnce(fetchPage, url, timeoutMs);
  if (!("error" in first)) return first;
  if (retryDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
  return fetchOnce(fetchPage, url, timeoutMs);
}

async function fetchOnce(
  fetchPage: FetchPage,
  url: string,
  timeoutMs: number,
): Promise<PageResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<PageResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`timed out after ${formatSeconds(timeoutMs)}`));
      resolve({ error: `timed out after ${formatSeconds(timeoutMs)}` });
    }, timeoutMs);
  });
  try {
    const answer = fetchPage(url, { signal: controller.signal }).then(
      checkShape,
      (error: unknown) => ({
        error: describeError(error),
      }),
    );
    return await Promise.race([answer, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function checkShape(result: PageResult): PageResult {
  if ("error" in result) return { error: String(result.error) };
  if (typeof result.status === "number" && typeof result.body === "string") return result;
  return { error: "the fetcher returned neither a response nor an error" };
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

/** A network error in a few words, with its cause's code (ENOTFOUND, ECONNRESET...). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return `${error.message} (${typeof code === "string" ? code : cause.message})`;
  }
  return error.message;
}

function readSources(files: readonly LoadedFile[]): Map<string, Source> {
  const sources = new Map<string, Source>();
  for (const file of files) {
    if (file.collection !== "sources" || !isRecord(file.data)) continue;
    const { url, archiveUrl, copy } = file.data;
    const copyUrl = isRecord(copy) ? copy["url"] : undefined;
    sources.set(file.id, {
      id: file.id,
      file: file.file,
      url: typeof url === "string" ? url : undefined,
      "copy.url": typeof copyUrl === "string" ? copyUrl : undefined,
      archiveUrl: typeof archiveUrl === "string" ? archiveUrl : undefined,
      lineOf: (path) => file.lineOf?.(path),
    });
  }
  return sources;
}

function readCitations(files: readonly LoadedFile[]): Citation[] {
  return files
    .filter((file) => file.collection === "claims")
    .sort((a, b) => a.file.localeCompare(b.file))
    .flatMap((file) => {
      const citations = isRecord(file.data) ? file.data["citations"] : undefined;
      if (!Array.isArray(citations)) return [];
      return citations.flatMap((citation: unknown, index): Citation[] => {
        if (!isRecord(citation)) return [];
        const { id, source, passage } = citation;
        if (typeof id !== "string" || typeof source !== "string" || typeof passage !== "string") {
          return [];
        }
        return [
          {
            claimFile: file.file,
            claimId: file.id,
            id,
            source,
            passage,
            line: file.lineOf?.(["citations", index, "passage"]),
          },
        ];
      });
    });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
