/**
 * How social cards are produced: drawn in a pool of worker threads and kept
 * between builds in a content-addressed cache.
 *
 * Drawing a card (src/lib/social-card.ts) costs tens of milliseconds of CPU.
 * A build hands the pool every card as soon as content/ has passed its check
 * (`prepareSocialCards`, from src/integrations/social-cards/), with CPUs
 * left to Astro, and stops it when Astro is done (`stopSocialCards`); once
 * Astro has exited, scripts/finish-build.ts writes the cards the pages link
 * to (`publishSocialCards`), drawing the ones still missing with every CPU.
 * Fewer than 32 missing cards (this site's own 16) are drawn on the main
 * thread instead. The dev server draws the card it is asked for
 * (`renderSocialCard`).
 *
 * A card's file name is a hash of the card design (the code that draws it,
 * its packages, fonts and colours) and of its input, so a warm build (the
 * folder restored by CI, or a second local build) draws only the cards whose
 * claim or design changed, and a stale file is never used.
 */
import { createHash } from "node:crypto";
import { constants, existsSync, mkdirSync, readFileSync } from "node:fs";
import { copyFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import {
  CARD_RATING_COLOURS,
  FONTS,
  drawSocialCard,
  renderSiteCard,
  type CardInput,
} from "./social-card.ts";
import type { SiteCardInput } from "./card-content.ts";
import { storeCard, type CardJob, type CardResult } from "./social-card-worker.ts";
import type { CardOrder } from "./card-orders.ts";

/** The card cache, which CI keeps between runs (.github/workflows/). */
export const CARD_CACHE_DIR = join(process.cwd(), ".cache", "social-cards");

/** The module that draws a card; it and every project file it imports decide its pixels. */
const DESIGN_ENTRY = join(process.cwd(), "src", "lib", "social-card.ts");
const DRAWING_PACKAGES = ["satori", "@resvg/resvg-js"] as const;
/**
 * Fewer missing cards than this are drawn on the main thread: a worker
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
 * there is work and a free place, and end as soon as they have nothing to
 * draw, so their memory is free again for the rest of the build.
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

  /**
   * Lets the pool run up to `size` workers from now on. With fewer, the
   * workers over the limit end once they have drawn their card; with none,
   * the pool waits, its queue kept, until it is given workers again.
   */
  resize(size: number): void {
    this.#size = size;
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
    while (this.#queue.length > 0 && this.#busy.size < this.#size) {
      const worker = this.#idle.pop() ?? this.#start();
      const job = this.#queue.shift() as CardJob;
      this.#busy.set(worker, job.id);
      worker.postMessage(job);
    }
    for (const worker of this.#idle.splice(0)) void worker.terminate();
  }

  /**
   * Drops the cards not yet started (their promises reject) and lets the
   * workers end once they have drawn the cards they hold.
   */
  close(): void {
    for (const job of this.#queue.splice(0)) {
      this.#settle(job.id, new Error("the build no longer needs this card"));
    }
    this.resize(0);
  }

  #start(): Worker {
    const worker = new Worker(WORKER_FILE, { resourceLimits: WORKER_LIMITS });
    worker.on("message", (result: CardResult) => {
      this.#busy.delete(worker);
      this.#idle.push(worker);
      if ("png" in result) this.#settle(result.id, Buffer.from(result.png));
      else this.#settle(result.id, new Error(`drawing a social card failed: ${result.error}`));
      this.#pump();
    });
    // A worker that fails, or ends while drawing, fails its card; the others go on.
    const lose = (reason: string): void => {
      const id = this.#busy.get(worker);
      this.#busy.delete(worker);
      if (id !== undefined) this.#settle(id, new Error(`drawing a social card failed: ${reason}`));
      this.#pump();
    };
    worker.on("error", (error) => lose(error.message));
    worker.on("exit", (code) => lose(`its worker thread ended (exit code ${code})`));
    return worker;
  }

  #settle(id: number, outcome: Buffer | Error): void {
    const waiting = this.#waiting.get(id);
    this.#waiting.delete(id);
    if (outcome instanceof Error) waiting?.reject(outcome);
    else waiting?.resolve(outcome);
  }
}

let pool: CardPool | undefined;
/** Cards being drawn, by cache path, so a card is never drawn twice at once. */
const drawing = new Map<string, Promise<Buffer>>();

function track(path: string, png: Promise<Buffer>): Promise<Buffer> {
  drawing.set(path, png);
  void png.then(
    () => drawing.delete(path),
    () => drawing.delete(path),
  );
  return png;
}

/**
 * Starts drawing, in the worker pool, every card neither in the cache nor
 * being drawn, in the order given, with at most `workers` threads (by
 * default one per CPU). Returns at once.
 */
export function prepareSocialCards(
  inputs: readonly CardInput[],
  workers = availableParallelism(),
): void {
  const missing = inputs
    .map((input) => ({ input, path: cardCachePath(input) }))
    .filter(({ path }) => !drawing.has(path) && !existsSync(path));
  pool?.resize(workers);
  if (missing.length < POOL_MIN_CARDS) return;
  pool ??= new CardPool(Math.max(1, Math.min(workers, missing.length)));
  for (const { input, path } of missing) {
    // A failure is reported by whoever asks for the card.
    track(path, pool.draw(input, path)).catch(() => undefined);
  }
}

/**
 * How many worker threads the pool may run from now on (none: it pauses,
 * and goes on when it is given some).
 */
export function setSocialCardWorkers(workers: number): void {
  pool?.resize(workers);
}

/**
 * Ends the pool's work once a build has its cards: cards still queued (ones
 * no page ordered) are dropped, and the workers end after their current card.
 */
export function stopSocialCards(): void {
  pool?.close();
  pool = undefined;
}

/** Where the site's own card for this input is kept, beside the claims' cards. */
export function siteCardCachePath(input: SiteCardInput): string {
  const key = createHash("sha256")
    .update(CARD_DESIGN_VERSION)
    .update("the site's card")
    .update(JSON.stringify(input))
    .digest("hex");
  return join(CARD_CACHE_DIR, `site-${key}.png`);
}

/** The site's own card (/card.png): from the cache, else drawn here and kept. */
export async function renderSiteSocialCard(input: SiteCardInput): Promise<Buffer> {
  const path = siteCardCachePath(input);
  if (existsSync(path)) return readFileSync(path);
  const png = await renderSiteCard(input);
  storeCard(path, png);
  return png;
}

/** Draws a card on this thread, into the cache. */
function drawHere(input: CardInput, path: string): Promise<Buffer> {
  return track(
    path,
    drawSocialCard(input).then((png) => {
      storeCard(path, png);
      return png;
    }),
  );
}

/** The card's PNG: from the pool if it is being drawn, else from the cache, else drawn here. */
export async function renderSocialCard(input: CardInput): Promise<Buffer> {
  const path = cardCachePath(input);
  return drawing.get(path) ?? (existsSync(path) ? readFileSync(path) : drawHere(input, path));
}

/** The card's place in the cache, once it is there (drawn by the pool or here if need be). */
async function cachedCard(input: CardInput): Promise<string> {
  const path = cardCachePath(input);
  await (drawing.get(path) ?? (existsSync(path) ? undefined : drawHere(input, path)));
  return path;
}

/** How many of these cards are not in the cache yet. */
export function missingSocialCards(inputs: readonly CardInput[]): number {
  return inputs.filter((input) => !existsSync(cardCachePath(input))).length;
}

/**
 * Writes each card ordered to its path under `outDir`, copied from the cache
 * once drawn, with every CPU drawing the ones still missing. Returns how many
 * were not yet in the cache. A card that cannot be drawn fails with the
 * content file it comes from.
 */
export async function publishSocialCards(
  orders: ReadonlyMap<string, CardOrder>,
  outDir: URL,
): Promise<number> {
  const inputs = [...orders.values()].map(({ input }) => input);
  const waitedFor = missingSocialCards(inputs);
  prepareSocialCards(inputs);
  const targets = [...orders.keys()].map((file) => fileURLToPath(new URL(file, outDir)));
  for (const folder of new Set(targets.map((target) => dirname(target)))) {
    mkdirSync(folder, { recursive: true });
  }
  await Promise.all(
    [...orders].map(async ([file, { input, from }], index) => {
      const target = targets[index] as string;
      try {
        // A copy, a clone of the disk blocks where the file system can make
        // one (Btrfs, XFS). A hard link would cost less (0.2 s against 0.9 s
        // for a thousand cards), but a tool that then changed the output's
        // file in place would change the cached card, and every later build
        // would publish it.
        await copyFile(await cachedCard(input), target, constants.COPYFILE_FICLONE);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`The social card of ${from} (${file}) could not be written: ${reason}`, {
          cause: error,
        });
      }
    }),
  );
  return waitedFor;
}
