/**
 * The social cards a build's pages link to, and what each must show: the
 * claim route records them from Astro's own entries while it lists its pages;
 * the social-cards integration (src/integrations/social-cards/) saves them
 * when Astro is done, and scripts/finish-build.ts draws the ones missing and
 * writes them all into the output once Astro has exited. The route runs in
 * Astro's bundle and the integration with Astro's config, two copies of this
 * module in one process, so the orders live on globalThis under a registered
 * symbol. Node loads this module without Vite, so it imports by file path.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
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

/**
 * Where a build leaves its cards for scripts/finish-build.ts: one file per
 * output folder (dist, dist-subpath), under the project's .cache/.
 */
export function cardOrdersFile(root: string, outDir: string): string {
  return join(root, ".cache", "card-orders", `${basename(outDir)}.json`);
}

/** Saves the orders for the finishing step; none leaves no file. */
export function saveCardOrders(file: string, orders: ReadonlyMap<string, CardOrder>): void {
  rmSync(file, { force: true });
  if (orders.size === 0) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify([...orders]));
}

/** The orders a build saved, if it saved any. */
export function loadCardOrders(file: string): Map<string, CardOrder> | undefined {
  if (!existsSync(file)) return undefined;
  return new Map(JSON.parse(readFileSync(file, "utf8")) as [string, CardOrder][]);
}
