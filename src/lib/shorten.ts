/**
 * Text cut to fit a space: used where the site shows a piece of an editor's
 * text (a social card, a content-check message). Node loads this module in
 * the card workers without Vite, so it imports nothing.
 */

/**
 * The text cut to at most `max` characters, at a space when there is one in
 * its last third (else mid-word: a long unbroken word must not take the
 * whole text with it), with an ellipsis.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(" ", max - 1);
  return `${text.slice(0, space >= (max * 2) / 3 ? space : max - 1).trimEnd()}…`;
}
