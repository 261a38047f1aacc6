/**
 * What `npm run build` does once `astro build` has exited and freed its
 * memory, so the peaks of the steps never add up (at 1,000 claims, about
 * 1.3 GB for Astro, 0.4 GB for the card workers and 0.4 GB for the indexer):
 *
 * 1. the social cards: the pages' cards that the build has not drawn yet are
 *    drawn with every CPU, and every card is copied into the output from the
 *    card cache (src/integrations/social-cards/ saved the build's orders);
 * 2. the Pagefind search index, so every build ships a search that matches
 *    its pages. Only content marked `data-pagefind-body` (claims and sources)
 *    is indexed. The `_headers` file already names the `pagefind/` folder
 *    (src/integrations/security-headers.ts).
 *
 *   node scripts/finish-build.ts [folder]     (default: dist)
 *
 * with the project's Node (node_modules/.bin/node, first on PATH in npm
 * scripts); `astro build` alone leaves the cards and the search out.
 */
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as pagefind from "pagefind";
import { cardOrdersFile, loadCardOrders } from "../src/lib/card-orders.ts";

/** Writes the cards the build ordered, and says what it did; nothing if it ordered none. */
async function writeCards(site: string): Promise<string | undefined> {
  const file = cardOrdersFile(process.cwd(), site);
  const orders = loadCardOrders(file);
  if (!orders) return undefined;
  const { publishSocialCards, stopSocialCards } = await import("../src/lib/social-card-pool.ts");
  try {
    const drawn = await publishSocialCards(orders, pathToFileURL(`${site}/`));
    rmSync(file);
    return `wrote ${orders.size} cards: ${drawn} drawn now, the rest drawn by the build or an earlier one`;
  } finally {
    stopSocialCards();
  }
}

async function indexSite(site: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    const written = await index.writeFiles({ outputPath: resolve(site, "pagefind") });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** Runs a step and says how long it took, in seconds. */
async function timed<T>(step: () => Promise<T>): Promise<[T, string]> {
  const started = performance.now();
  const value = await step();
  return [value, ((performance.now() - started) / 1000).toFixed(2)];
}

const site = resolve(process.argv[2] ?? "dist");
try {
  // The benchmark reads each step's time from its line (scripts/lib/build-log.ts).
  const [cards, cardSeconds] = await timed(() => writeCards(site));
  if (cards) console.log(`[social-cards] ${cards} in ${cardSeconds} s`);
  const [pages, searchSeconds] = await timed(() => indexSite(site));
  if (pages === 0) throw new Error(`${site} holds no pages to index; run astro build first`);
  console.log(`[search-index] indexed ${pages} pages for search in ${searchSeconds} s`);
} catch (error) {
  console.error(`finish build: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
