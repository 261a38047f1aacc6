import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import { drawSocialCard, type CardInput } from "@/lib/social-card";
import {
  CARD_CACHE_DIR,
  cardCachePath,
  designFiles,
  missingSocialCards,
  prepareSocialCards,
  publishSocialCards,
  renderSiteSocialCard,
  renderSocialCard,
  setSocialCardWorkers,
  siteCardCachePath,
  stopSocialCards,
} from "@/lib/social-card-pool";
import { renderSiteCard } from "@/lib/social-card";

/** Inputs no earlier run has drawn, so nothing comes from the cache by chance. */
const freshInput = (index = 0): CardInput => ({
  siteName: "DJI Claims Check",
  address: "factcheck.example.org",
  title: `Test card ${index} ${randomUUID()}`,
  answer: "Unproven: no public evidence shows it; the story quoted the memo accurately.",
  ratings: { verdict: "unproven", reporting: "accurate" },
});

describe("the social-card cache", () => {
  const written: string[] = [];
  afterEach(() => {
    for (const path of written.splice(0)) rmSync(path, { force: true });
  });

  /** Enough fresh cards for the pool to start (fewer are drawn on the main thread), removed after the test. */
  const poolBatch = (first: number): { inputs: CardInput[]; drawn: () => number } => {
    const inputs = Array.from({ length: 32 }, (_, index) => freshInput(first + index));
    written.push(...inputs.map(cardCachePath));
    return { inputs, drawn: () => inputs.length - missingSocialCards(inputs) };
  };

  test("names a card's file by its input, so a changed claim gets a new card", () => {
    const input = freshInput();
    expect(cardCachePath({ ...input })).toBe(cardCachePath(input));
    const rerated = { ...input, ratings: { ...input.ratings, verdict: "mixed" as const } };
    expect(cardCachePath(rerated)).not.toBe(cardCachePath(input));
    expect(dirname(cardCachePath(input))).toBe(CARD_CACHE_DIR);
  });

  test("keys cards on every file of the design, the ones the drawing imports too", () => {
    const files = designFiles().map((file) => relative(process.cwd(), file).split(sep).join("/"));
    expect(files).toEqual(
      expect.arrayContaining([
        "src/lib/social-card.ts",
        "src/lib/png.ts",
        "src/schemas/ratings.ts",
      ]),
    );
  });

  test("serves a card it holds without drawing it again", async () => {
    const input = freshInput();
    const path = cardCachePath(input);
    mkdirSync(CARD_CACHE_DIR, { recursive: true });
    writeFileSync(path, "a card drawn by an earlier build");
    written.push(path);
    expect((await renderSocialCard(input)).toString()).toBe("a card drawn by an earlier build");
  });

  test("keeps the site's own card too, drawn once for its input", async () => {
    const input = {
      siteName: "DJI Claims Check",
      address: `factcheck.example.org/${randomUUID()}`,
      summary: "A test of the site card's cache.",
      ratingsLine: "Every claim rated twice",
    };
    const path = siteCardCachePath(input);
    written.push(path);
    expect(path).not.toBe(siteCardCachePath({ ...input, siteName: "Another name" }));
    const drawn = await renderSiteSocialCard(input);
    expect(drawn.equals(await renderSiteCard(input))).toBe(true);
    expect(readFileSync(path).equals(drawn)).toBe(true);
    writeFileSync(path, "the site card an earlier build drew");
    expect((await renderSiteSocialCard(input)).toString()).toBe(
      "the site card an earlier build drew",
    );
  });

  test("draws a build's cards in worker threads, byte for byte as the page would", async () => {
    const { inputs, drawn } = poolBatch(0);
    prepareSocialCards(inputs);
    // Nothing asks for the cards: they appear in the cache all the same.
    await expect.poll(drawn, { timeout: 100_000, interval: 100 }).toBe(inputs.length);
    const png = await renderSocialCard(inputs[7]!);
    expect(png.equals(readFileSync(cardCachePath(inputs[7]!)))).toBe(true);
    expect(png.equals(await drawSocialCard(inputs[7]!))).toBe(true);
  }, 120_000);

  test("waits with no workers, its queue kept, and goes on when given some", async () => {
    const { inputs, drawn } = poolBatch(100);
    prepareSocialCards(inputs, 1);
    setSocialCardWorkers(0);
    // The one worker draws the card it was given, then ends; nothing more is drawn.
    await expect.poll(drawn, { timeout: 60_000, interval: 100 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(drawn()).toBe(1);
    setSocialCardWorkers(2);
    await expect.poll(drawn, { timeout: 100_000, interval: 100 }).toBe(inputs.length);
  }, 120_000);

  test("once stopped, drops the cards not yet started and draws no more", async () => {
    const { inputs, drawn } = poolBatch(200);
    prepareSocialCards(inputs, 1);
    stopSocialCards();
    // The one worker draws the card it was given, then ends.
    await expect.poll(drawn, { timeout: 60_000, interval: 100 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(drawn()).toBe(1);
    // A dropped card is not lost: asked for, it is drawn.
    const last = inputs.at(-1)!;
    expect((await renderSocialCard(last)).equals(await drawSocialCard(last))).toBe(true);
  }, 120_000);

  describe("writing a build's cards into its output", () => {
    const outputs: string[] = [];
    afterEach(() => {
      for (const dir of outputs.splice(0)) rmSync(dir, { recursive: true, force: true });
    });
    const output = (): { dir: string; url: URL } => {
      const dir = mkdtempSync(join(tmpdir(), "cards-out-"));
      outputs.push(dir);
      return { dir, url: pathToFileURL(`${dir}/`) };
    };

    test("copies cached cards and draws missing ones, byte for byte as drawn", async () => {
      const [cached, missing] = [freshInput(1), freshInput(2)];
      written.push(cardCachePath(cached), cardCachePath(missing));
      mkdirSync(CARD_CACHE_DIR, { recursive: true });
      writeFileSync(cardCachePath(cached), "a card drawn by an earlier build");
      const { dir, url } = output();
      const waitedFor = await publishSocialCards(
        new Map([
          ["cards/cached.png", { input: cached, from: "content/claims/cached.mdx" }],
          ["cards/missing.png", { input: missing, from: "content/claims/missing.mdx" }],
        ]),
        url,
      );
      expect(waitedFor).toBe(1);
      expect(readFileSync(join(dir, "cards/cached.png"), "utf8")).toBe(
        "a card drawn by an earlier build",
      );
      const drawn = readFileSync(join(dir, "cards/missing.png"));
      expect(drawn.equals(await drawSocialCard(missing))).toBe(true);
      expect(drawn.equals(readFileSync(cardCachePath(missing)))).toBe(true);
    }, 60_000);

    test("fails naming the claim file a card could not be drawn from", async () => {
      const broken = {
        ...freshInput(3),
        ratings: { verdict: "no-such-rating", reporting: "accurate" },
      } as unknown as CardInput;
      const { dir, url } = output();
      await expect(
        publishSocialCards(
          new Map([["cards/broken.png", { input: broken, from: "content/claims/broken.mdx" }]]),
          url,
        ),
      ).rejects.toThrow(
        /^The social card of content\/claims\/broken\.mdx \(cards\/broken\.png\) could not be written: /,
      );
      expect(existsSync(join(dir, "cards/broken.png"))).toBe(false);
      expect(existsSync(cardCachePath(broken))).toBe(false);
    });
  });
});
