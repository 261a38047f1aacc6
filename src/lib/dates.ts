/** Dates are calendar days; they are stored as UTC midnight and shown in UTC. */

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
