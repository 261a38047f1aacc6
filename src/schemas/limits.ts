/**
 * Sizes content may not pass, each enforced by the content check and relied
 * on elsewhere: the card's design (src/lib/social-card.ts, loaded by Node
 * without Vite) cuts to the text limits, and the pull-request review reads no
 * file larger than a content file may be. So this module imports nothing.
 */

/** Content files are a few kilobytes; anything far larger is a mistake or an attack. */
export const MAX_FILE_BYTES = 200 * 1024;

/**
 * The longest title: what the social card shows in full (it cuts a longer
 * title), so the card never drops words that change what its rating rates.
 */
export const TITLE_MAX = 110;

/** The longest one-line answer: it must fit a search result and a social card. */
export const ANSWER_MAX = 160;
