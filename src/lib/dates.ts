/** Dates are calendar days; they are stored as UTC midnight and shown in UTC. */
import type { DatePrecision as Precision } from "@/schemas";

const LONG = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** `2017-11-30`, for `<time datetime>` and structured data. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** `30 November 2017`, for readers. */
export const longDate = (date: Date): string => LONG.format(date);

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** A date shown to only the precision that is known: `November 2017`, `2017`, `about 1 December 2017`. */
export function datePart(date: Date, precision: Precision): string {
  if (precision === "year") return String(date.getUTCFullYear());
  if (precision === "approximate") return `about ${longDate(date)}`;
  return precision === "month" ? MONTH.format(date) : longDate(date);
}

/** The `datetime` attribute for a date of that precision: `2017-11`, `2017`. */
export function isoPart(date: Date, precision: Precision): string {
  return isoDay(date).slice(0, precision === "year" ? 4 : precision === "month" ? 7 : 10);
}

/** The latest of some dates: a page's "Last updated" when its content is derived. */
export const latest = (first: Date, ...rest: readonly Date[]): Date =>
  rest.reduce((newest, date) => (date > newest ? date : newest), first);
