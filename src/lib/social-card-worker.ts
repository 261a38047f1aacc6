/**
 * A worker thread of the social-card pool (src/lib/social-card-pool.ts): draws
 * the cards it is sent, one at a time, and writes each to the card cache.
 * Node starts it without Vite, so its imports are relative.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parentPort } from "node:worker_threads";
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

parentPort?.on("message", async ({ id, input, path }: CardJob) => {
  let result: CardResult;
  try {
    const png = await drawSocialCard(input);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, png);
    result = { id, png };
  } catch (error) {
    result = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(result);
});
