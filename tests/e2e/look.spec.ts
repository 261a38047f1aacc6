import { expect, test, type Page } from "@playwright/test";
import { CLAIMS } from "../support/published-claims";

const claim = CLAIMS.find((candidate) => candidate.id === "memo-core-assessment") ?? CLAIMS[0]!;

test("body text is set in the self-hosted Inter, and its arrival moves nothing", async ({
  page,
  baseURL,
}) => {
  const fonts: string[] = [];
  // Hold the font back, as a slow phone connection would, so the page is
  // first laid out in the fallback and then swaps.
  await page.route("**/*.woff2", async (route) => {
    fonts.push(route.request().url());
    await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
  await page.goto(`/claims/${claim.id}/`);
  await page.evaluate(() => document.fonts.ready);
  await expect.poll(() => page.evaluate(() => document.fonts.check("16px Inter"))).toBe(true);
  const loaded = await page.evaluate(
    () =>
      [...document.fonts].filter(
        (face) => face.family.replace(/"/g, "") === "Inter" && face.status === "loaded",
      ).length,
  );
  expect(loaded).toBeGreaterThan(0);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(font.startsWith(baseURL ?? "")).toBe(true);
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            total += (entry as unknown as { value: number }).value;
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(total), 300);
      }),
  );
  expect(shift, "cumulative layout shift").toBeLessThan(0.02);
});

test.describe("on a 1440 px screen", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("claim and prose text runs 60 to 75 characters a line", async ({ page }) => {
    for (const path of [`/claims/${claim.id}/`, "/methodology/"]) {
      await page.goto(path);
      const perLine = await page.locator(".prose p").evaluateAll((paragraphs) =>
        paragraphs
          .filter(
            (p) =>
              p.getBoundingClientRect().height > 3.5 * parseFloat(getComputedStyle(p).lineHeight),
          )
          .map((p) => {
            // Characters on the paragraph's first line: up to where a character starts lower.
            const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
            const range = document.createRange();
            let top: number | undefined;
            let count = 0;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const text = node.textContent ?? "";
              for (let i = 0; i < text.length; i++) {
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const rect = range.getBoundingClientRect();
                if (rect.height === 0) continue;
                top ??= rect.top;
                if (rect.top > top + rect.height / 2) return count;
                count++;
              }
            }
            return count;
          }),
      );
      expect(perLine.length, path).toBeGreaterThan(2);
      const sorted = [...perLine].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      expect(median, `${path}: characters per line ${perLine.join(", ")}`).toBeGreaterThanOrEqual(
        60,
      );
      expect(median, `${path}: characters per line ${perLine.join(", ")}`).toBeLessThanOrEqual(75);
    }
  });
});

/** Mean colour and share of background-coloured pixels in an image, read in the page. */
async function signature(page: Page, png: Buffer, background: number[]) {
  return page.evaluate(
    async ({ data, background }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const sum = [0, 0, 0];
      let gap = 0;
      const count = pixels.length / 4;
      for (let i = 0; i < pixels.length; i += 4) {
        const rgb = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
        rgb.forEach((value, channel) => (sum[channel]! += value));
        if (rgb.every((value, channel) => Math.abs(value - background[channel]!) < 40)) gap++;
      }
      return { mean: sum.map((value) => value / count), gap: gap / count };
    },
    { data: png.toString("base64"), background },
  );
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`the rating chart's segments stay apart under deuteranopia (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/");
    const session = await page.context().newCDPSession(page);
    await session.send("Emulation.setEmulatedVisionDeficiency", { type: "deuteranopia" });
    const background = colorScheme === "light" ? [255, 255, 255] : [9, 9, 11];
    for (const chart of await page.getByRole("figure").all()) {
      const segments = chart.locator("svg > [data-rating]");
      const seen: { rating: string; mean: number[]; gap: number }[] = [];
      await chart.scrollIntoViewIfNeeded();
      for (const segment of await segments.all()) {
        const box = await segment.boundingBox();
        if (!box || box.width < 12) continue;
        // Inside the segment's white border, the pattern's full repeat.
        const png = await page.screenshot({
          clip: { x: box.x + 3, y: box.y + 3, width: box.width - 6, height: box.height - 6 },
        });
        seen.push({
          rating: (await segment.getAttribute("data-rating")) ?? "",
          ...(await signature(page, png, background)),
        });
      }
      expect(seen.length).toBeGreaterThan(2);
      for (const [index, a] of seen.entries()) {
        for (const b of seen.slice(index + 1)) {
          const colour = Math.hypot(...a.mean.map((value, channel) => value - b.mean[channel]!));
          const texture = Math.abs(a.gap - b.gap);
          expect(
            colour > 60 || texture > 0.08,
            `${a.rating} and ${b.rating}: colour distance ${colour.toFixed(0)}, pattern difference ${texture.toFixed(2)}`,
          ).toBe(true);
        }
      }
    }
  });
}

test.describe("on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

  test("footnote markers, back links and share links are at least 24 by 24 px", async ({
    page,
  }) => {
    await page.goto(`/claims/${claim.id}/`);
    const targets = [
      ["footnote marker", page.getByRole("link", { name: /^Source \d+[a-z]?$/ })],
      ["back link", page.getByRole("link", { name: /^Back to the text/ })],
      ["share link", page.getByRole("link", { name: /^Share (?:by|on) / })],
    ] as const;
    for (const [kind, links] of targets) {
      const boxes = await links.evaluateAll((elements) =>
        elements.map((element) => {
          const rect = element.getBoundingClientRect();
          return {
            name: element.textContent?.trim() ?? "",
            width: rect.width,
            height: rect.height,
          };
        }),
      );
      expect(boxes.length, kind).toBeGreaterThan(0);
      const small = boxes.filter(({ width, height }) => width < 24 || height < 24);
      expect(small, `${kind}s under 24 × 24 px`).toEqual([]);
    }
  });
});

test("a printed page names the site and its own address", async ({ page }) => {
  await page.goto(`/claims/${claim.id}/`);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  await page.emulateMedia({ media: "print" });
  const stamp = page.getByText(`DJI Claims Check · ${canonical}`);
  await expect(stamp).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(stamp).toBeHidden();
});
