/** "Did you mean …?" for a misspelt field, id or rating. */
import { distance } from "fastest-levenshtein";

/**
 * The candidate nearest to `word`, when it is near enough to be a slip of the
 * keyboard (at most two edits, or a third of the word's length).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const edits = distance(word.toLowerCase(), candidate.toLowerCase());
    if (!best || edits < best.distance) best = { candidate, distance: edits };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3))
    ? best.candidate
    : undefined;
}
