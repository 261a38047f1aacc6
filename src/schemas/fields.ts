/**
 * Field builders shared by every collection schema. Each field's `description`
 * is its documentation: the frontmatter reference page and the editors' JSON
 * Schemas are generated from it, so it is written once, here, for editors.
 */
import { z } from "astro/zod";

/**
 * Marks a value the scaffolder wrote for an editor to replace; the content
 * check refuses it once the entry is published.
 */
export const PLACEHOLDER = "REPLACE:";

/** Lower-case words joined by hyphens: the form of every id and file name. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A calendar date written `YYYY-MM-DD`. YAML parsers disagree on whether an
 * unquoted date is a string or a Date, so both are accepted and normalised;
 * impossible dates (2017-02-30) and other shapes ("August 2017") are refused.
 */
export function isoDate(description: string) {
  const error = "must be a real calendar date written YYYY-MM-DD, e.g. 2017-11-29";
  return (
    z
      .union([z.iso.date({ error }), z.date({ error })], { error })
      .transform((value) => (value instanceof Date ? value : new Date(`${value}T00:00:00Z`)))
      .refine(
        (date) => date.getUTCFullYear() >= EARLIEST_YEAR && date.getUTCFullYear() <= LATEST_YEAR,
        {
          // YAML reads 0017-08-02 as 1917: a two-digit year slips through unless refused.
          error: `is not a plausible date for this site; write the year in full, between ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
        },
      )
      // Everything dated here has happened; a future date would, say, pin a claim atop the feed.
      // A day's grace: an editor east of UTC writes a date that is tomorrow in UTC.
      .refine((date) => date.getTime() <= Date.now() + DAY, {
        error: "is in the future; every date here is of something that has already happened",
      })
      .meta({ description, example: "2017-11-29" })
  );
}

/** The range of years a date on this site can fall in (DJI was founded in 2006). */
const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2100;
const DAY = 24 * 60 * 60 * 1000;

/** An absolute http(s) URL. */
export function httpUrl(description: string) {
  return (
    z
      .url({
        protocol: /^https?$/,
        hostname: z.regexes.domain,
        error: "must be a full web address starting with https:// or http://",
      })
      // "https://www.defense.gov@evil.example/" opens evil.example, and a host
      // in another script (or written as xn--) can imitate a publisher's.
      .refine((url) => !/^https?:/i.test(url) || isPlainWebAddress(url), {
        error:
          "must be a plain web address: no user name or @ before the site's name, no spaces, and the site's name in plain letters (not another script, not xn--)",
      })
      .meta({ description, example: "https://www.example.org/page" })
  );
}

/** A bare web domain: lower-case labels joined by dots, e.g. `defense.gov`. */
export function domain(description: string) {
  return z
    .string({ error: "must be text" })
    .regex(/^(?!www\.)(?!xn--)(?:(?!xn--)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, {
      error: "must be a bare domain such as nytimes.com: lower case, no https://, no www., no path",
    })
    .meta({ description, example: "nytimes.com" });
}

/**
 * An absolute http(s) address with an ASCII host and no user name: what a
 * link in content may point to. "https://www.dji.com@evil.example/" opens
 * evil.example, and a host in another script can imitate a publisher's.
 */
export function isPlainWebAddress(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === "https:" || url.protocol === "http:") &&
    url.username === "" &&
    url.password === "" &&
    !/[^\x21-\x7e]/.test(value) &&
    !url.hostname.split(".").some((label) => label.startsWith("xn--")) &&
    isPublicHostName(url.hostname)
  );
}

/**
 * Whether a host is a named site on the public web: not an IP address in any
 * spelling (the URL parser turns 3232235777 and 0x7f000001 into dotted form),
 * not localhost, and not a single word such as an intranet name.
 */
function isPublicHostName(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host.includes(".") &&
    !host.startsWith("[") &&
    !/^\d+(?:\.\d+){3}$/.test(host) &&
    host !== "localhost" &&
    !host.endsWith(".localhost")
  );
}

/** Whether `url`'s host is `domain` or one of its subdomains. */
export function isOnDomain(url: string, domain: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * A non-empty line of text, trimmed, at most `max` characters: every text
 * field is a sentence or a paragraph, and a runaway value (a 300 KB title)
 * would only slow the build and break the layout.
 */
/** A value that starts and ends with a quotation mark, straight or curly. */
const WRAPPED_IN_QUOTES = /^["'“”‘’«»„‚][\s\S]*["'“”‘’«»]$/u;

/**
 * Text up to `max` characters. With `unquoted`, a value wrapped in its own
 * quotation marks is refused: the site sets these fields off itself (a
 * headline, a block quote), and the marks would show doubled.
 */
export function text(description: string, { max = 1000, unquoted = false } = {}) {
  const string = z
    .string({
      error: (issue) =>
        issue.input instanceof Date ||
        typeof issue.input === "number" ||
        typeof issue.input === "boolean"
          ? `must be text, but YAML reads ${String(issue.input instanceof Date ? issue.input.toISOString().slice(0, 10) : issue.input)} as a ${issue.input instanceof Date ? "date" : typeof issue.input}; put the value in double quotes`
          : "must be text",
    })
    .trim()
    .min(1, { error: "must not be empty" })
    .max(max, {
      error: (issue) =>
        `is ${String((issue.input as string | undefined)?.length ?? "too many")} characters long; keep it to ${max} or fewer`,
    });
  const checked = unquoted
    ? string.refine((value) => value.length < 2 || !WRAPPED_IN_QUOTES.test(value), {
        error:
          "is wrapped in quotation marks, which readers would see on the page (twice where the site sets it off as a quotation); delete the marks inside the value, keeping quotation marks within the text. YAML's own straight double quotes around the whole value are fine: they are not shown",
      })
    : string;
  return checked.meta({ description });
}

/**
 * A reference by id outside Astro (the content check, the editors' schemas):
 * the file name of an entry in another collection. Astro's own collections use
 * `reference()`; `integrity.ts` checks that each id resolves.
 */
export function idReference(collection: string) {
  return z
    .string({ error: `must be the id of a file in content/${collection}/` })
    .regex(KEBAB_CASE, {
      error: `must be the id of a file in content/${collection}/ (its file name without the extension)`,
    })
    .meta({ description: `The id of a file in content/${collection}/.` });
}
