/**
 * The pattern drawn over each rating's colour in the rating chart, so that
 * segments differ in more than hue: under red-green colour blindness
 * Accurate, Mostly accurate and Mixed are close to one colour. Keyed by the
 * rating scale (ratings.ts), so a new rating cannot go without one.
 */
import type { RatingKey } from "./ratings.ts";

export type RatingPattern =
  | "solid"
  | "rising-stripes"
  | "dots"
  | "falling-stripes"
  | "cross-hatch"
  | "grid"
  | "upright-stripes";

export const RATING_PATTERNS: Record<RatingKey, RatingPattern> = {
  accurate: "solid",
  "mostly-accurate": "rising-stripes",
  mixed: "dots",
  "mostly-inaccurate": "falling-stripes",
  inaccurate: "cross-hatch",
  unproven: "grid",
  "not-rated": "upright-stripes",
};
