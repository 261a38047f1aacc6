/** The shapes shared by the source-check check, its report and its command line. */

/** What fetching one address gave: the final response, or why there was none. */
export type PageResult =
  | {
      /** HTTP status of the final response, after redirects. */
      readonly status: number;
      /** The address that answered, after redirects. */
      readonly finalUrl: string;
      /** The response text (HTML, usually). */
      readonly body: string;
      /** The Content-Type header, where the server sent one. */
      readonly contentType?: string | undefined;
    }
  | {
      /** Why no response arrived: DNS failure, refused connection, timeout... */
      readonly error: string;
    };

/**
 * Fetches one address. The check passes an AbortSignal that fires when the
 * request has taken too long; a real implementation should honour it. It may
 * resolve to `{ error }` or throw: both count as a network error.
 */
export type FetchPage = (url: string, init?: { signal?: AbortSignal }) => Promise<PageResult>;

/** The part of a loaded content file the check reads (see content-check/load.ts). */
export interface LoadedFile {
  readonly collection: string;
  readonly id: string;
  /** Path from the project root, e.g. `content/sources/x.yaml`. */
  readonly file: string;
  readonly data: unknown;
  /** The 1-based line of the value at a field path, where known. */
  lineOf?(path: readonly PropertyKey[]): number | undefined;
}

/** Where an address is recorded in a source file: the original, the copy we read, a snapshot. */
export type UrlField = "url" | "copy.url" | "archiveUrl";

/** A source address that did not answer with a 2xx or 3xx status. */
export interface UnreachableUrl {
  readonly sourceId: string;
  readonly sourceFile: string;
  readonly field: UrlField;
  readonly line?: number | undefined;
  readonly url: string;
  /** The final HTTP status, when the server answered. */
  readonly status?: number | undefined;
  /** The network error, when it did not (after one retry). */
  readonly error?: string | undefined;
  /** The source's own address (its `url`), to search saved copies of. */
  readonly sourceUrl?: string | undefined;
  /** Whether the source has an archived copy (`archiveUrl`). */
  readonly hasArchive: boolean;
  /** Claim files that cite the source. */
  readonly citedBy: readonly string[];
}

/** A cited passage that is no longer on the page it was checked against. */
export interface MissingPassage {
  readonly claimFile: string;
  readonly claimId: string;
  readonly citationId: string;
  readonly line?: number | undefined;
  readonly sourceId: string;
  readonly sourceFile: string;
  /** Which of the source's addresses was read: the archived copy when there is one. */
  readonly checkedField: UrlField;
  readonly checkedUrl: string;
  /** Where the address led, when a redirect took it elsewhere. */
  readonly finalUrl?: string | undefined;
  readonly passage: string;
  /** When the archived copy lacks the passage: whether the live page still has it. */
  readonly foundOnLivePage?: boolean | undefined;
}

/** A citation whose passage could not be checked at all, and why. */
export interface UncheckedCitation {
  readonly claimFile: string;
  readonly citationId: string;
  readonly sourceId: string;
  readonly reason: string;
}

export interface SourceCheckReport {
  /** ISO timestamp of the run. */
  readonly checkedAt: string;
  readonly sourcesChecked: number;
  readonly urlsChecked: number;
  readonly citationsChecked: number;
  readonly unreachable: readonly UnreachableUrl[];
  readonly missingPassages: readonly MissingPassage[];
  readonly unchecked: readonly UncheckedCitation[];
}

/** True when an editor has something to fix: a dead address or a missing passage. */
export function hasProblems(report: SourceCheckReport): boolean {
  return report.unreachable.length > 0 || report.missingPassages.length > 0;
}
