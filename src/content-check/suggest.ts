/**
 * How alike two texts are: "Did you mean …?" for a misspelt field, id or
 * rating, and whether one claim is another copied or moved.
 */
import { distance } from "fastest-levenshtein";

/** A claim's words (or title) as compared: one line, lower case. */
export const claimKey = (text: string): string => text.replace(/\s+/g, " ").trim().toLowerCase();

/** How far apart two texts are, from 0 (the same) to 1: edits over the longer length. */
export const unlikeness = (a: string, b: string): number =>
  distance(a, b) / Math.max(a.length, b.length);

/** Claims this far apart or closer are one claim moved or copied (a third of its words rewritten). */
export const MOST_UNLIKE = 0.34;

/**
 * The candidate nearest to `word`, when it is near enough to be a slip of the
 * keyboard (at most two edits, or a third of the word's length).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const most = Math.max(2, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    // Words whose lengths differ by more than `most` are at least that many
    // edits apart: skipped unmeasured (thousands of misspelt ids against
    // thousands of sources once took minutes).
    if (Math.abs(candidate.length - word.length) > most) continue;
    const edits = distance(lower, candidate.toLowerCase());
    if (!best || edits < best.distance) best = { candidate, distance: edits };
  }
  return best && best.distance <= most ? best.candidate : undefined;
}
