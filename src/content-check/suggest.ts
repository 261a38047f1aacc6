/** "Did you mean …?" for a misspelt field, id or rating. */
import { distance } from "fastest-levenshtein";

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
