/**
 * How social cards are produced: drawn in a pool of worker threads, one per
 * CPU, and kept between builds in a content-addressed cache.
 *
 * Drawing a card (src/lib/social-card.ts) costs tens of milliseconds of CPU,
 * and Astro renders one page at a time on one thread. So a build starts the
 * cards as early as it can: once content/ has passed the content check,
 * src/integrations/social-cards.ts hands the pool every published claim's
 * card (`prepareSocialCards` with one worker), which then draws while Astro
 * reads content and bundles; the card route adds any card still missing and
 * lets the pool use every CPU (`prepareSocialCards`, from getStaticPaths),
 * and each card's page only waits for its own (`renderSocialCard`). The two
 * callers load this module separately (the integration with Astro's config,
 * the route in Astro's bundle), so what is being drawn is kept on
 * `globalThis`, shared by both. Fewer than 32 missing cards (this site's own
 * 16) are drawn by the pages on the main thread instead.
 *
 * A card's file name is a hash of the card design (the code that draws it,
 * its packages, fonts and colours) and of its input, so a warm build (the
 * folder restored by CI, or a second local build) draws only the cards whose
 * claim or design changed, and a stale file is never used.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { CARD_RATING_COLOURS, FONTS, drawSocialCard, type CardInput } from "./social-card.ts";
import { storeCard, type CardJob, type CardResult } from "./social-card-worker.ts";

/** The card cache, which CI keeps between runs (.github/workflows/). */
export const CARD_CACHE_DIR = join(process.cwd(), ".cache", "social-cards");

/** The module that draws a card; it and every project file it imports decide its pixels. */
const DESIGN_ENTRY = join(process.cwd(), "src", "lib", "social-card.ts");
const DRAWING_PACKAGES = ["satori", "@resvg/resvg-js"] as const;
/**
 * Fewer missing cards than this are drawn by the pages themselves: a worker
 * takes about as long to start (loading satori, resvg and the fonts) as the
 * main thread takes to draw a couple of dozen cards.
 */
const POOL_MIN_CARDS = 32;
/**
 * Each worker's V8 heap limits. Left to itself a worker lets the garbage of
 * the SVG texts it makes pile up to nearly 200 MB before collecting it, which
 * put the cold build over its memory budget; a card needs far less (its
 * fonts, satori's code and one card at a time), so it collects sooner.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 } as const;
/** Workers are loaded by Node itself (Vite does not bundle them), from the source. */
const WORKER_FILE = join(process.cwd(), "src", "lib", "social-card-worker.ts");

const require = createRequire(import.meta.url);

/**
 * The drawing module and the project files it imports, directly or not (the
 * rating scale, the PNG encoder...), found by following their "./" and "../"
 * imports, so a new file in the design can never be left out of its hash.
 */
export function designFiles(entry = DESIGN_ENTRY): string[] {
  const found = new Set<string>();
  const visit = (file: string): void => {
    if (found.has(file)) return;
    found.add(file);
    const source = readFileSync(file, "utf8");
    for (const [, specifier] of source.matchAll(/(?:from|import)\s+["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(resolve(dirname(file), specifier as string));
    }
  };
  visit(entry);
  return [...found].sort();
}

/** A hash of everything that decides a card's pixels besides its input. */
export const CARD_DESIGN_VERSION = ((): string => {
  const hash = createHash("sha256");
  for (const file of designFiles()) hash.update(readFileSync(file));
  for (const name of DRAWING_PACKAGES) {
    hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}`);
  }
  for (const font of FONTS) hash.update(font.data);
  return hash.update(JSON.stringify(CARD_RATING_COLOURS)).digest("hex");
})();

/** Where the card for this input is kept. */
export function cardCachePath(input: CardInput): string {
  const key = createHash("sha256")
    .update(CARD_DESIGN_VERSION)
    .update(JSON.stringify(input))
    .digest("hex");
  return join(CARD_CACHE_DIR, `${key}.png`);
}

interface Waiting {
  readonly resolve: (png: Buffer) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Worker threads that draw cards in the order asked. Workers start when
 * there is work and end when the queue is empty, so their memory is free
 * again for the rest of the build.
 */
class CardPool {
  #size: number;
  readonly #queue: CardJob[] = [];
  readonly #waiting = new Map<number, Waiting>();
  readonly #idle: Worker[] = [];
  /** Each busy worker and the job it is drawing. */
  readonly #busy = new Map<Worker, number>();
  #nextId = 0;

  constructor(size: number) {
    this.#size = size;
  }

  /** Lets the pool run up to `size` workers from now on (never fewer than before). */
  widen(size: number): void {
    this.#size = Math.max(this.#size, size);
    this.#pump();
  }

  draw(input: CardInput, path: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#waiting.set(id, { resolve, reject });
      this.#queue.push({ id, input, path });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? (this.#busy.size < this.#size ? this.#start() : undefined);
      if (!worker) return;
      const job = this.#queue.shift() as CardJob;
      this.#busy.set(worker, job.id);
      worker.postMessage(job);
    }
    if (this.#busy.size === 0) {
      for (const worker of this.#idle.splice(0)) void worker.terminate();
    }
  }

  #start(): Worker {
    const worker = new Worker(WORKER_FILE, { resourceLimits: WORKER_LIMITS });
    worker.on("message", (result: CardResult) => {
      this.#busy.delete(worker);
      this.#idle.push(worker);
      const waiting = this.#waiting.get(result.id);
      this.#waiting.delete(result.id);
      if ("png" in result) waiting?.resolve(Buffer.from(result.png));
      else waiting?.reject(new Error(`drawing a social card failed: ${result.error}`));
      this.#pump();
    });
    worker.on("error", (error) => {
      const id = this.#busy.get(worker);
      this.#busy.delete(worker);
      const waiting = id === undefined ? undefined : this.#waiting.get(id);
      if (id !== undefined) this.#waiting.delete(id);
      waiting?.reject(new Error(`drawing a social card failed: ${error.message}`));
      this.#pump();
    });
    return worker;
  }
}

interface SharedState {
  pool: CardPool | undefined;
  /** Cards being drawn, by cache path, so a card is never drawn twice at once. */
  readonly drawing: Map<string, Promise<Buffer>>;
}
const SHARED = Symbol.for("dji-claims-check.social-cards");
const shared = ((globalThis as { [SHARED]?: SharedState })[SHARED] ??= {
  pool: undefined,
  drawing: new Map(),
});
const { drawing } = shared;

function track(path: string, png: Promise<Buffer>): Promise<Buffer> {
  drawing.set(path, png);
  void png.then(
    () => drawing.delete(path),
    () => drawing.delete(path),
  );
  return png;
}

/**
 * Starts drawing, in the worker pool, every card not yet in the cache, in the
 * order given (the order the pages will ask for them), with at most `workers`
 * threads (by default one per CPU). Returns at once.
 */
export function prepareSocialCards(
  inputs: readonly CardInput[],
  workers = availableParallelism(),
): void {
  const missing = inputs
    .map((input) => ({ input, path: cardCachePath(input) }))
    .filter(({ path }) => !drawing.has(path) && !existsSync(path));
  shared.pool?.widen(workers);
  if (missing.length < POOL_MIN_CARDS) return;
  const pool = (shared.pool ??= new CardPool(Math.max(1, Math.min(workers, missing.length))));
  for (const { input, path } of missing) {
    // A failure is reported by the page that asks for the card.
    track(path, pool.draw(input, path)).catch(() => undefined);
  }
}

/** The card's PNG: from the cache, from the pool if it is being drawn, else drawn here. */
export async function renderSocialCard(input: CardInput): Promise<Buffer> {
  const path = cardCachePath(input);
  const pending = drawing.get(path);
  if (pending) return pending;
  if (existsSync(path)) return readFileSync(path);
  return track(
    path,
    drawSocialCard(input).then((png) => {
      storeCard(path, png);
      return png;
    }),
  );
}
