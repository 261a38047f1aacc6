/**
 * A worker thread of the social-card pool (src/lib/social-card-pool.ts): draws
 * the cards it is sent, one at a time, and writes each to the card cache.
 * Node starts it without Vite, so it imports by file path, not through the @/ alias.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parentPort, threadId } from "node:worker_threads";
import { drawSocialCard, type CardInput } from "./social-card.ts";

export interface CardJob {
  readonly id: number;
  readonly input: CardInput;
  /** Where the finished PNG goes: its place in the card cache. */
  readonly path: string;
}

export type CardResult =
  | { readonly id: number; readonly png: Uint8Array }
  | { readonly id: number; readonly error: string };

/**
 * Puts a card in the cache under its final name only once it is whole, so a
 * build stopped half-way, or another build reading the same cache, never
 * sees a truncated card.
 */
export function storeCard(path: string, png: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}-${threadId}.partial`;
  writeFileSync(partial, png);
  renameSync(partial, path);
}

parentPort?.on("message", async ({ id, input, path }: CardJob) => {
  let result: CardResult;
  try {
    const png = await drawSocialCard(input);
    storeCard(path, png);
    result = { id, png };
  } catch (error) {
    result = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(result);
});
