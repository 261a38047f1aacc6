/**
 * The social cards a build's pages link to, and what each must show: the
 * claim route records them from Astro's own entries while it lists its pages,
 * and the social-cards integration (src/integrations/social-cards/) writes
 * them into the output once Astro has rendered every page. The route runs in
 * Astro's bundle and the integration with Astro's config, two copies of this
 * module in one process, so the orders live on globalThis under a registered
 * symbol. Node loads this module without Vite, so it imports by file path.
 */
import type { CardInput } from "./card-input.ts";

export interface CardOrder {
  readonly input: CardInput;
  /** The content file the card is drawn from, for error messages. */
  readonly from: string;
}

const KEY = Symbol.for("dji-claims-check.social-card-orders");

interface OrderBook {
  readonly orders: Map<string, CardOrder>;
  readonly listeners: Set<() => void>;
}
type Holder = { [KEY]?: OrderBook };
const book = ((globalThis as Holder)[KEY] ??= { orders: new Map(), listeners: new Set() });

/** Records cards by their path in the output (cards/<id>.png). */
export function orderCards(orders: Iterable<readonly [string, CardOrder]>): void {
  for (const [file, order] of orders) book.orders.set(file, order);
  for (const listener of book.listeners) listener();
}

/**
 * Calls `listener` whenever cards are ordered: in a build, as Astro starts
 * rendering the claim pages. Returns what stops it.
 */
export function onCardsOrdered(listener: () => void): () => void {
  book.listeners.add(listener);
  return () => book.listeners.delete(listener);
}

/** The cards ordered so far, which are then forgotten (a build takes them once). */
export function takeCardOrders(): Map<string, CardOrder> {
  const taken = new Map(book.orders);
  book.orders.clear();
  return taken;
}
