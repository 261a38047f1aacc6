/**
 * The claims' social cards, drawn beside Astro rather than by it. Drawing a
 * card costs tens of milliseconds of CPU, and Astro renders one page at a
 * time on one thread, so a build draws them in worker threads
 * (src/lib/social-card-pool.ts) from the moment content/ passes its check,
 * and writes them into the output once Astro has exited:
 *
 * 1. `startSocialCards` (the content check's next step) hands the pool every
 *    published claim's card, read through the same schema Astro uses; one
 *    CPU is left to Astro while it reads content and bundles, two while it
 *    renders pages (so on two CPUs the pool waits then).
 * 2. The claim route orders, from Astro's own entries, the card each page
 *    links to (src/lib/card-orders.ts). A card the early start got wrong (a
 *    field Astro's schema would change) is a different card to the cache,
 *    drawn at the end, never a wrong card published.
 * 3. When Astro is done, this integration stops the pool and saves the
 *    orders; once Astro has exited and freed its memory, scripts/finish-build.ts
 *    (in `npm run build`) draws the cards still missing with every CPU and
 *    copies each card into the output from the cache.
 *
 * The dev server instead draws the card it is asked for, through a route
 * this integration adds in dev only (./dev-route.ts).
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { AstroConfig, AstroIntegration } from "astro";
import { isPublishedCheck } from "../../content-check/corrections.ts";
import type { ContentFile } from "../../content-check/index.ts";
import { SCHEMAS } from "../../content-check/validate.ts";
import { addressOf, cardInputFrom, type CardFields, type CardInput } from "../../lib/card-input.ts";
import {
  cardOrdersFile,
  onCardsOrdered,
  saveCardOrders,
  takeCardOrders,
} from "../../lib/card-orders.ts";
import { SITE } from "../../site.config.ts";

/**
 * Workers beside Astro while it reads content and bundles: every CPU but
 * the one its main thread runs on.
 */
const WORKERS_WHILE_BUNDLING = Math.max(1, availableParallelism() - 1);
/**
 * Workers while Astro renders pages: every CPU but two. Rendering keeps
 * about two CPUs busy (its main thread, the garbage collector's threads,
 * file writes), and its memory is at its peak: on two CPUs, a card worker
 * left drawing beside it saved no time and took the build's peak memory to
 * its budget (README, "Build benchmark").
 */
const WORKERS_WHILE_RENDERING = Math.max(0, availableParallelism() - 2);

type ClaimData = CardFields & { appearance: { order: number } };

/**
 * The published claims' card fields, in the order the site lists (and the
 * claim route orders) them, as Astro will hold them: read through the same
 * schema (which trims text, for one).
 */
export function publishedCardFields(files: readonly ContentFile[]): CardFields[] {
  return files
    .filter((file) => file.collection === "claims")
    .flatMap((file) => {
      const parsed = SCHEMAS.claims.safeParse(file.data);
      return parsed.success ? [parsed.data as ClaimData] : [];
    })
    .filter(isPublishedCheck)
    .sort((a, b) => a.appearance.order - b.appearance.order);
}

/** The card of every published claim, as the claim route will order it. */
export function earlyCardInputs(
  files: readonly ContentFile[],
  { site, base }: Pick<AstroConfig, "site" | "base">,
): CardInput[] {
  if (!site) return [];
  const address = addressOf(new URL(base.replace(/\/?$/, "/"), site).href);
  return publishedCardFields(files).map((fields) => cardInputFrom(SITE.name, address, fields));
}

export async function startSocialCards(
  files: readonly ContentFile[],
  config: AstroConfig,
): Promise<void> {
  const inputs = earlyCardInputs(files, config);
  if (inputs.length === 0) return;
  // Loaded here, not with Astro's config, so the dev server never loads the drawing code.
  const { prepareSocialCards, setSocialCardWorkers } =
    await import("../../lib/social-card-pool.ts");
  prepareSocialCards(inputs, WORKERS_WHILE_BUNDLING);
  // The claim route orders its cards as Astro starts rendering pages.
  const stop = onCardsOrdered(() => {
    setSocialCardWorkers(WORKERS_WHILE_RENDERING);
    stop();
  });
}

export default function socialCards(): AstroIntegration {
  let root = "";
  return {
    name: "social-cards",
    hooks: {
      "astro:config:setup": ({ command, config, injectRoute }) => {
        root = fileURLToPath(config.root);
        if (command !== "dev") return;
        injectRoute({
          pattern: "/cards/[id].png",
          entrypoint: new URL("./dev-route.ts", import.meta.url),
          prerender: true,
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        const { missingSocialCards, stopSocialCards } =
          await import("../../lib/social-card-pool.ts");
        // The finishing step draws what is left, once Astro has freed its memory.
        stopSocialCards();
        const orders = takeCardOrders();
        saveCardOrders(cardOrdersFile(root, fileURLToPath(dir)), orders);
        if (orders.size === 0) return;
        const missing = missingSocialCards([...orders.values()].map(({ input }) => input));
        logger.info(
          `the pages link to ${orders.size} cards, ${orders.size - missing} of them drawn ` +
            `(now or by an earlier build); the cards are not in the output yet: ` +
            `scripts/finish-build.ts draws the rest and writes them all (npm run build runs it)`,
        );
      },
    },
  };
}
