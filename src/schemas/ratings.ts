/**
 * The rating scale: the one registry every label, colour, definition and
 * structured-data value on the site derives from. Both of a claim's ratings
 * (`reporting` and `verdict`) use this scale.
 */

export interface Rating {
  /** The key editors write in frontmatter. */
  readonly key: RatingKey;
  /** The label readers see on badges. */
  readonly label: string;
  /** One sentence: when an editor should choose this rating. */
  readonly definition: string;
  /**
   * Position on the truth scale for ClaimReview `ratingValue` (1 worst, 5 best);
   * `null` where the rating is not a point on that scale.
   */
  readonly value: number | null;
  /** Suffix of the CSS colour token `--color-rating-<token>` in global.css. */
  readonly colorToken: string;
  /** A short glyph shown beside the label so colour never carries the rating alone. */
  readonly symbol: string;
  /**
   * The plain words that open a claim's one-line `answer` when this is its
   * verdict ("Unproven: ..."), so the answer a reader sees first is the
   * answer to "Is it true?".
   */
  readonly plainAnswer: string;
}

export const RATING_KEYS = [
  "accurate",
  "mostly-accurate",
  "mixed",
  "mostly-inaccurate",
  "inaccurate",
  "unproven",
  "not-rated",
] as const;

export type RatingKey = (typeof RATING_KEYS)[number];

const SCALE: Record<RatingKey, Omit<Rating, "key">> = {
  accurate: {
    label: "Accurate",
    definition:
      "The statement is correct on the evidence and leaves out nothing that would change a reader's understanding.",
    value: 5,
    colorToken: "accurate",
    symbol: "✓",
    plainAnswer: "True",
  },
  "mostly-accurate": {
    label: "Mostly accurate",
    definition: "The statement is correct in substance but needs context or a small correction.",
    value: 4,
    colorToken: "mostly-accurate",
    symbol: "≈",
    plainAnswer: "Mostly true",
  },
  mixed: {
    label: "Mixed",
    definition: "Parts of the statement are correct and parts are wrong or misleading.",
    value: 3,
    colorToken: "mixed",
    symbol: "±",
    plainAnswer: "Partly true",
  },
  "mostly-inaccurate": {
    label: "Mostly inaccurate",
    definition: "The statement holds a grain of truth but gets its main point wrong.",
    value: 2,
    colorToken: "mostly-inaccurate",
    symbol: "≠",
    plainAnswer: "Mostly false",
  },
  inaccurate: {
    label: "Inaccurate",
    definition: "The evidence shows the statement is wrong.",
    value: 1,
    colorToken: "inaccurate",
    symbol: "✗",
    plainAnswer: "False",
  },
  unproven: {
    label: "Unproven",
    definition: "The public evidence neither establishes the statement nor refutes it.",
    value: null,
    colorToken: "unproven",
    symbol: "?",
    plainAnswer: "Unproven",
  },
  "not-rated": {
    label: "Opinion, not rated",
    definition:
      "The statement is an opinion or a judgement, not a checkable fact, so it gets no rating.",
    value: null,
    colorToken: "not-rated",
    symbol: "–",
    plainAnswer: "Opinion, not rated",
  },
};

/**
 * The rating a value names in readers' words rather than as a key: its
 * answer's opening ("partly true", "false") or its label ("Mostly
 * accurate"), in any case, with spaces or hyphens. Undefined for anything else.
 */
export function ratingNamedBy(words: string): RatingKey | undefined {
  const plain = (text: string) =>
    text
      .toLowerCase()
      .replace(/[\s_-]+/g, " ")
      .replace(/:$/, "")
      .trim();
  const wanted = plain(words);
  return RATING_KEYS.find(
    (key) => plain(SCALE[key].plainAnswer) === wanted || plain(SCALE[key].label) === wanted,
  );
}

/** Every rating in scale order, best first. */
export const RATINGS: readonly Rating[] = RATING_KEYS.map((key) => ({
  key,
  ...SCALE[key],
}));

/** The best and worst points of the numeric scale, for ClaimReview. */
export const BEST_RATING_VALUE = 5;
export const WORST_RATING_VALUE = 1;

export function getRating(key: RatingKey): Rating {
  return { key, ...SCALE[key] };
}

/**
 * What each of a claim's two ratings answers, in the order every page, card,
 * feed and data file shows them: whether the claim is true leads, because a
 * reader who sees one rating takes it as the answer to the title. The labels
 * are what readers see beside every badge; the questions explain them.
 */
export const RATING_DIMENSIONS = {
  verdict: {
    label: "Is it true?",
    question: "Does the claim itself hold up on the evidence?",
  },
  reporting: {
    label: "How Engadget reported it",
    question: "Did the story report the claim faithfully: its words, date and source?",
  },
} as const;

export type RatingDimension = keyof typeof RATING_DIMENSIONS;

/** The two ratings in the order they are always shown. */
export const RATING_DIMENSION_ORDER = Object.keys(RATING_DIMENSIONS) as readonly RatingDimension[];

/**
 * Text introduced by a dimension's label: "Is it true? Unproven", "How
 * Engadget reported it: Mixed" (a label that is a question takes no colon).
 */
export function withDimension(dimension: RatingDimension, text: string): string {
  return `${dimensionLead(dimension)} ${text}`;
}

/** A dimension's label as it introduces what follows: "Is it true?", "How Engadget reported it:". */
export function dimensionLead(dimension: RatingDimension): string {
  const { label } = RATING_DIMENSIONS[dimension];
  return label.endsWith("?") ? label : `${label}:`;
}

/** A rating named with its dimension, for text that has no badge (feeds, the annotated story, screen readers). */
export function ratingPhrase(dimension: RatingDimension, key: RatingKey): string {
  return withDimension(dimension, getRating(key).label);
}
